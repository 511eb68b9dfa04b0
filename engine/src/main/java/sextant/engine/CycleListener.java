package sextant.engine;

/** Progress callbacks for a terminal progress bar; called from worker threads. */
public interface CycleListener {
    void symbolsStarted(int count);

    void symbolDone(String symbol);

    void finished();

    CycleListener NONE = new CycleListener() {
        @Override
        public void symbolsStarted(int count) {
        }

        @Override
        public void symbolDone(String symbol) {
        }

        @Override
        public void finished() {
        }
    };
}
