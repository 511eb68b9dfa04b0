package sextant.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CLI as a process of its own, which can be killed with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux): nothing in the JVM runs after it, no shutdown hook, no finally block, so the state is whatever the killed
 * process had written to disk.
 */
final class KillableCli {
    /** How one start ended: killed by the test, or exited by itself with its code and what it printed. */
    record Attempt(boolean killed, int exit, String out, Duration ran) {
    }

    private final Path workDir;
    private final Map<String, String> env;
    private int starts;

    KillableCli(Path workDir, Map<String, String> env) {
        this.workDir = workDir;
        this.env = Map.copyOf(env);
    }

    /** Runs to the end (at most three minutes). */
    Attempt run(List<String> args) throws IOException, InterruptedException {
        return run(args, Duration.ofMinutes(3), false);
    }

    /** Starts the command and kills it after {@code killAfter}, unless it has exited by itself before. */
    Attempt killAfter(List<String> args, Duration killAfter) throws IOException, InterruptedException {
        return run(args, killAfter, true);
    }

    private Attempt run(List<String> args, Duration wait, boolean kill) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("sextant.jar")));
        cmd.addAll(args);
        // Output goes to a file: a pipe nobody reads could block the process before the kill and hide the moment.
        Path log = Files.createTempFile(workDir, "run-" + (++starts) + "-", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("APCA_") || k.startsWith("SEXTANT_"));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean exited = p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            p.destroyForcibly();
            p.waitFor();
        }
        Duration ran = Duration.ofNanos(System.nanoTime() - t0);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!exited && !kill) {
            throw new IllegalStateException("still running after " + wait + ": " + String.join(" ", args) + "\n" + out);
        }
        return new Attempt(!exited, exited ? p.exitValue() : -1, out, ran);
    }
}
