package sextant.app;

import java.io.Console;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command's output and error streams (those of its {@code CommandLine}, so that tests read what a user would
 * see), and the one way a command reports an error it returns rather than throws: one {@code error:} line.
 */
@Command // picocli takes a class as a mixin only when it carries one of its annotations; this adds no attributes
final class Terminal {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** For picocli, which injects the command's spec. */
    Terminal() {
    }

    /** The terminal of the command {@code spec} describes. */
    Terminal(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * The console when a person is at a terminal, else null (cron, a pipe, a test). From JDK 22 on,
     * {@link System#console()} may return a console although no terminal is attached, so {@code Console.isTerminal()}
     * is asked where it exists (by reflection: this code is compiled for JDK 17); before JDK 22 a console means a
     * terminal.
     */
    @SuppressWarnings("SystemConsoleNull") // the null check is the JDK 17 half of the test; isTerminal is the other
    static @Nullable Console console() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
        } catch (NoSuchMethodException e) {
            return console;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code error: message} and returns {@code exitCode}, for {@code return terminal.fail(...)}. */
    int fail(int exitCode, String message) {
        PrintWriter err = err();
        err.println("error: " + message);
        err.flush();
        return exitCode;
    }

    /** Prints the command's usage (a command group run without a sub-command). */
    void usage() {
        spec.commandLine().usage(out());
    }
}
