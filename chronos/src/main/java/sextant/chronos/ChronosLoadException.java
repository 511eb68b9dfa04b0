package sextant.chronos;

/**
 * A checkpoint that cannot be used: a truncated or foreign safetensors file, a missing tensor, a wrong shape or an
 * unsupported configuration. The message is one line naming the file and the tensor or field.
 */
public final class ChronosLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChronosLoadException(String message) {
        super(message);
    }

    public ChronosLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
