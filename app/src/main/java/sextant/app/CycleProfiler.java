package sextant.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import one.profiler.AsyncProfiler;
import org.jspecify.annotations.Nullable;

/**
 * {@code cycle --profile}: a Java Flight Recorder recording of the cycle and, where async-profiler can load (Linux
 * and macOS), a CPU flame graph as a self-contained HTML page, both in {@code <state-dir>/runs/}.
 */
record CycleProfiler(Path runs, String stem, PrintWriter err, Recording recording,
                     @Nullable AsyncProfiler asyncProfiler) implements AutoCloseable {
    static CycleProfiler start(Path stateDir, LocalDate day, PrintWriter err) throws IOException, java.text.ParseException {
        Path runs = Files.createDirectories(stateDir.resolve("runs"));
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setName("sextant-cycle");
        recording.start();
        AsyncProfiler ap = null;
        try {
            ap = AsyncProfiler.getInstance();
            startCpu(ap);
        } catch (Throwable e) {
            // Unsupported OS or a kernel that forbids both perf events and timers: the JFR recording still works.
            err.println("profile: no flame graph (async-profiler unavailable: " + Errors.describe(e) + ")");
            ap = null;
        }
        return new CycleProfiler(runs, "cycle-" + day + "-" + System.currentTimeMillis(), err, recording, ap);
    }

    private static void startCpu(AsyncProfiler ap) throws IOException {
        try {
            ap.execute("start,event=cpu,interval=1ms");
        } catch (IOException | IllegalStateException e) {
            ap.execute("start,event=itimer,interval=1ms");
        }
    }

    @Override
    public void close() throws IOException {
        if (asyncProfiler != null) {
            Path html = runs.resolve(stem + ".html");
            asyncProfiler.execute("stop,file=" + html);
            err.println("profile: flame graph written to " + html + " (open in a browser)");
        }
        Path jfr = runs.resolve(stem + ".jfr");
        recording.dump(jfr);
        recording.close();
        err.println("profile: JFR recording written to " + jfr + " (open with `jfr print` or JDK Mission Control)");
    }
}
