package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.store.StateCheck;
import sextant.store.StateLock;
import sextant.store.StateReset;

@Command(name = "state", mixinStandardHelpOptions = true, description = "Check or reset the state directory.",
        subcommands = {StateCommand.Check.class, StateCommand.Reset.class})
final class StateCommand extends CommandGroup {
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check the state database without changing it: SQLite integrity, schema version, the paper",
                    "account recomputed from its fills, and the ledger against the broker's tables."},
            footer = {"", "Exit codes: 0 every check passed; 2 a check failed (each problem is printed)."})
    static final class Check implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            Path stateDir = common.stateDirOnly();
            StateCheck.Report report = StateCheck.run(stateDir);
            Terminal terminal = common.terminal();
            PrintWriter out = terminal.out();
            out.println("State check of " + report.file());
            for (StateCheck.Result r : report.results()) {
                out.printf("  %-10s %s%n", r.check(), r.passed() ? "ok" : "FAILED");
            }
            out.flush();
            for (String p : report.problems()) {
                terminal.err().println("error: " + p);
            }
            terminal.err().flush();
            return report.passed() ? Main.EXIT_OK : Main.EXIT_FAILURE;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Start the state directory afresh: the database (account, positions, ledger, caches) is",
                    "moved to <state-dir>/backups/, never deleted. The next cycle opens a new account."})
    static final class Reset implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--yes", description = "Confirms the reset (required).")
        boolean yes;

        @Override
        @SuppressWarnings("try") // the lock is held while the files move, never referenced
        public Integer call() {
            Path stateDir = common.stateDirOnly();
            if (!yes) {
                return common.terminal().fail(Main.EXIT_USAGE, "'state reset' moves " + stateDir.resolve("sextant.db")
                        + " aside and starts a new account; add --yes to confirm");
            }
            Path backup;
            try (StateLock lock = StateLock.acquire(stateDir, "state reset")) {
                backup = StateReset.backUpAndClear(stateDir, Instant.now());
            }
            PrintWriter out = common.terminal().out();
            out.println(backup == null ? "Nothing to reset: " + stateDir + " has no sextant.db."
                    : "Moved the old state to " + backup + "; the next cycle starts a new account.");
            out.flush();
            return Main.EXIT_OK;
        }
    }
}
