package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "cycle", mixinStandardHelpOptions = true, description = "Benchmark full cycles on synthetic data: cold and warm cycle, per-phase times.")
final class BenchCycleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'cycle' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
