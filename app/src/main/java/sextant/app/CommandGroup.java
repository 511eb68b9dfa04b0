package sextant.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups sub-commands ({@code sextant}, {@code config}, {@code state}, {@code kill-switch},
 * {@code bench}): run without one, it prints its usage and exits 0. The one thing such a command does, written once;
 * each group is only its {@code @Command} annotation.
 */
abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
