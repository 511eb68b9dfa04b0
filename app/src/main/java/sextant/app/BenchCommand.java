package sextant.app;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that report numbers (not tests).",
        subcommands = {BenchStrategiesCommand.class, BenchForecastCommand.class, BenchCycleCommand.class})
final class BenchCommand extends CommandGroup {
}
