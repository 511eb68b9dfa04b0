package sextant.store;

/** A separate process that takes the state lock and waits to be killed (for {@link StateSafetyTest}). */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        StateLock lock = StateLock.acquire(java.nio.file.Path.of(args[0]), "cycle");
        System.out.println("locked " + lock);
        System.out.flush();
        Thread.sleep(120_000);
    }
}
