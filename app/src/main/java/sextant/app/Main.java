package sextant.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Sextant's entry point. Reads like a table of contents: each sub-command is one job of the system.
 * Exit codes: 0 ok, 1 usage error (a bad option, configuration file or --set), 2 runtime failure.
 */
@Command(name = "sextant", mixinStandardHelpOptions = true, version = "sextant 0.1.0",
        description = "Forecast, backtest and trade a universe of stocks and crypto pairs, one cycle at a time.",
        subcommands = {
                CycleCommand.class,
                ReplayCommand.class,
                ConfigCommand.class,
                ReportCommand.class,
                StateCommand.class,
                ParityCommand.class,
                ForecastEvalCommand.class,
                SelectModelsCommand.class,
                ModelCheckCommand.class,
                BenchCommand.class,
                KillSwitchCommand.class,
                RunCommand.class,
                StatusCommand.class,
                FlattenCommand.class,
                CancelAllCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main extends CommandGroup {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_FAILURE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI in-process and returns the exit code (tests call this). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the CLI in-process with the given output streams (tests use this to read what a user would see). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(t -> EXIT_FAILURE);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            // One line that names the problem; the stack trace goes to the log, never to the user's face.
            line.getErr().println("error: " + Errors.describe(ex));
            // A bad configuration file or --set is a usage error, like a bad option: nothing was attempted.
            return ex instanceof ConfigException ? EXIT_USAGE : EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_USAGE;
        });
        return cl;
    }
}
