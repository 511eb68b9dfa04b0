package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.core.gate.EntryStatus;

/**
 * {@code sextant kill-switch on|off|status}: the operator's stop for new entries (the file {@code <state-dir>/KILL}).
 * Exits keep working while it is on. The state directory must exist: a mistyped --state-dir must not create a kill
 * switch that no running process reads, leaving the operator to believe entries have stopped.
 */
@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = "Stop new entries (exits keep working) with the file <state-dir>/KILL: on, off or status.",
        subcommands = {KillSwitchCommand.On.class, KillSwitchCommand.Off.class, KillSwitchCommand.Status.class})
final class KillSwitchCommand extends CommandGroup {
    /**
     * The switch of the account the mode flags name (default: the configuration's): its default state directory, or
     * --state-dir. Given --state-dir, no configuration is read, and the directory must belong to the account the flags
     * name (its MODE file), so a switch is never turned on where the intended account does not look.
     */
    static KillSwitch open(CommonOptions common, ModeOptions mode) {
        java.util.Optional<TradingMode> flags = mode.explicit();
        Path stateDir;
        if (common.stateDirOption().isPresent()) {
            stateDir = common.stateDirOption().get();
        } else {
            SextantConfig cfg = mode.apply(common.load());
            stateDir = Wiring.stateDir(cfg, common.stateDirOption(), mode.mode(cfg));
        }
        if (!Files.isDirectory(stateDir)) {
            throw new ConfigException("no state directory " + stateDir.toAbsolutePath().normalize()
                    + " (pass the --state-dir or mode flags (--broker alpaca, --live) of the account to stop, or set"
                    + " state.dir; it is not created here)");
        }
        Path dir = stateDir;
        flags.ifPresent(m -> StateMode.check(dir, m));
        Logs.useStateDir(stateDir);
        return new KillSwitch(stateDir);
    }

    static void print(PrintWriter out, KillSwitch ks) {
        EntryStatus s = ks.entries();
        if (s.entriesAllowed()) {
            out.println("kill switch off: entries allowed (" + ks.file() + " absent)");
        } else {
            out.println(s.reason());
            out.println("new entries stop; take-profits, stops and closing orders keep working");
        }
        out.flush();
    }

    /**
     * What the three subcommands share: the account's flags, opening its switch, and printing the state after the
     * change; each subcommand only says what it does to the switch.
     */
    abstract static class SwitchCommand implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        ModeOptions mode;

        @Override
        public Integer call() throws Exception {
            KillSwitch ks = open(common, mode);
            PrintWriter out = common.terminal().out();
            act(ks, out);
            print(out, ks);
            return Main.EXIT_OK;
        }

        /** Changes the switch, if this subcommand does, and prints what the state line after it does not say. */
        abstract void act(KillSwitch ks, PrintWriter out) throws Exception;
    }

    @Command(name = "on", mixinStandardHelpOptions = true, description = "Stop new entries from the next step on.")
    static final class On extends SwitchCommand {
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, written into the KILL file and shown by status.")
        String reason;

        @Override
        void act(KillSwitch ks, PrintWriter out) throws Exception {
            ks.turnOn(reason, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    @Command(name = "off", mixinStandardHelpOptions = true, description = "Allow new entries again.")
    static final class Off extends SwitchCommand {
        @Override
        void act(KillSwitch ks, PrintWriter out) throws Exception {
            if (!ks.turnOff()) {
                out.println("kill switch was already off");
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show whether new entries are stopped (exit 0 either way; the text says which).")
    static final class Status extends SwitchCommand {
        @Override
        void act(KillSwitch ks, PrintWriter out) {
            // Only the state line.
        }
    }
}
