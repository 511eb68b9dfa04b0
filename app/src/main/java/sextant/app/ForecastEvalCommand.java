package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "forecast-eval", mixinStandardHelpOptions = true, description = "Walk-forward evaluation of forecasting models on a CSV directory.")
final class ForecastEvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'forecast-eval' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
