package sextant.app;

/** A configuration problem; the message names the file and the key. */
final class ConfigException extends RuntimeException {
    ConfigException(String message) {
        super(message);
    }
}
