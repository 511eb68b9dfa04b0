package sextant.alpaca;

/** The Alpaca settings are unusable (missing keys, live mode without confirmation...). The message says what to fix. */
public class AlpacaConfigException extends IllegalArgumentException {
    public AlpacaConfigException(String message) {
        super(message);
    }
}
