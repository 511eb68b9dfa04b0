package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "parity", mixinStandardHelpOptions = true, description = "Check the strategy math against reference cases (anchor fixture format).")
final class ParityCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'parity' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
