package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "strategies", mixinStandardHelpOptions = true, description = "Benchmark MaxDiff + AlwaysOn window evaluation (windows per second).")
final class BenchStrategiesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'strategies' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
