package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "select-models", mixinStandardHelpOptions = true, description = "Pick a forecasting model per symbol by validation MAE and write the model store.")
final class SelectModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'select-models' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
