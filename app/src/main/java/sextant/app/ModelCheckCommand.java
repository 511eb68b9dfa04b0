package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "model-check", mixinStandardHelpOptions = true, description = "Run an ONNX model on a golden input and compare with the reference output.")
final class ModelCheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'model-check' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
