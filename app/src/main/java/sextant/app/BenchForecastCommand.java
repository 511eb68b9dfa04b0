package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Benchmark an ONNX forecaster: session creation, warm-up, throughput.")
final class BenchForecastCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'forecast' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
