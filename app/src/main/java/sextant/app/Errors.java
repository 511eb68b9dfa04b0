package sextant.app;

/** Turns an exception into the one-line message a user sees. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable t) {
        Throwable root = t;
        while ((root.getMessage() == null || root.getMessage().isBlank()) && root.getCause() != null) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg.replace('\n', ' ');
    }
}
