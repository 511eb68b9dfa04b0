package sextant.app;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import sextant.engine.CycleListener;

/** A terminal progress bar (on stderr) over the symbols being analysed. */
final class ProgressListener implements CycleListener {
    private @Nullable ProgressBar bar;

    @Override
    public synchronized void symbolsStarted(int count) {
        bar = new ProgressBarBuilder().setTaskName("analysing").setInitialMax(count).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(100)
                .setUnit(" symbols", 1).continuousUpdate().build();
    }

    @Override
    public synchronized void symbolDone(String symbol) {
        if (bar != null) {
            bar.setExtraMessage(symbol);
            bar.step();
        }
    }

    @Override
    public synchronized void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
