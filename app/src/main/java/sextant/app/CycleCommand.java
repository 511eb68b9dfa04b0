package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "cycle", mixinStandardHelpOptions = true, description = "Run one trading cycle: bars, forecasts, backtests, decisions, orders, ledger.")
final class CycleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: 'cycle' is not implemented yet");
        return Main.EXIT_FAILURE;
    }
}
