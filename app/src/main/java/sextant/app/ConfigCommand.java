package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Show the effective configuration.")
final class ConfigCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'config' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
