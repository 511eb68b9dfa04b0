package sextant.onnx;

/**
 * A model could not be loaded or does not match its manifest. The message is one line that names the file, the
 * field or tensor and what to do, so the app can print it as-is before any cycle work starts.
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
