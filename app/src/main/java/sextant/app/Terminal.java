package sextant.app;

import java.io.PrintWriter;
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
