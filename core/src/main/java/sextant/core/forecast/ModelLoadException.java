package sextant.core.forecast;

/**
 * A forecasting model that cannot be used: a truncated or foreign weights file, a missing tensor, a wrong shape, an
 * unsupported configuration or a model that does not match its manifest. The message is one line naming the file and
 * the tensor or field (and what to do), so the app can print it as-is before any cycle work starts. Every model
 * adapter (Chronos-Bolt, ONNX) throws this one type, so the app catches one.
 */
public final class ModelLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
