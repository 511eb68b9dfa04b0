package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import sextant.engine.CycleReport;
import sextant.engine.OrderEvent;

/**
 * The last three lines of a cycle's text output, which answer a newcomer's first questions: where did the state
 * go, what happened to the account, and what do I run next. One line each.
 */
final class CycleClosingLines {
    /** How far back the suggested replay starts: about a year of sessions. */
    static final int REPLAY_SUGGESTION_DAYS = 365;

    private CycleClosingLines() {
    }

    static void print(CycleReport r, Path stateDir, String broker, CommonOptions common, boolean asOfGiven,
                      PrintWriter out) {
        Path state = stateDir.toAbsolutePath().normalize();
        out.printf(Locale.ROOT, "State: %s (ledger, bar cache and %s account in sextant.db; logs in logs/); this was"
                + " cycle #%d%n", state, broker, r.cycleId());

        int submitted = 0;
        int cancelled = 0;
        int failed = 0;
        for (OrderEvent e : r.orders()) {
            switch (e.event()) {
                case "submitted" -> submitted++;
                case "cancelled" -> cancelled++;
                case "failed" -> failed++;
                default -> {
                }
            }
        }
        var a = r.accountBefore();
        boolean paper = "paper".equals(broker);
        out.printf(Locale.ROOT, "%s: equity %.2f (%+.2f since the last settlement, %d new fills); this cycle placed %d"
                        + " orders and cancelled %d%s: %s%n", paper ? "Paper account" : "Account at " + broker, a.equity(),
                a.equity() - a.lastEquity(), r.newFills().size(), submitted, cancelled,
                failed > 0 ? ", " + failed + " failed" : "",
                submitted == 0 ? "nothing new was sent" : paper ? "they meet the " + r.asOf() + " bar when the next cycle"
                        + " runs" : "they work at the broker");

        String options = common.configFile().map(f -> " -c " + f).orElse("")
                + common.stateDirOption().map(d -> " --state-dir " + d).orElse("");
        StringBuilder next = new StringBuilder("Next: ./sextant report" + options + " shows why each symbol was chosen");
        next.append(asOfGiven ? "; the next session: this command with --as-of " + r.asOf().plusDays(1)
                : "; the next session: ./sextant cycle again tomorrow, before the market opens");
        if (Main.commandLine().getSubcommands().containsKey("replay")) {
            // A replay trades a fresh paper account of its own (in a temporary directory), never this state.
            String config = common.configFile().map(f -> " -c " + f).orElse("");
            next.append("; what these picks would have earned over the last year: ./sextant replay").append(config)
                    .append(" --from ").append(r.asOf().minusDays(REPLAY_SUGGESTION_DAYS)).append(" --to ")
                    .append(r.asOf().minusDays(1));
        }
        out.println(next);
    }
}
