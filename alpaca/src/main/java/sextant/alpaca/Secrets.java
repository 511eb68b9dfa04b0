package sextant.alpaca;

/**
 * Removes the API key id and secret from any text before it leaves this module (exception messages,
 * log lines, server error bodies that might echo a header). The keys are only ever written into HTTP headers.
 */
final class Secrets {
    static final String MASK = "***";
    private final String keyId;
    private final String secretKey;

    Secrets(String keyId, String secretKey) {
        this.keyId = keyId;
        this.secretKey = secretKey;
    }

    String redact(String text) {
        String out = text;
        if (secretKey != null && secretKey.length() >= 4) {
            out = out.replace(secretKey, MASK);
        }
        if (keyId != null && keyId.length() >= 4) {
            out = out.replace(keyId, MASK);
        }
        return out;
    }
}
