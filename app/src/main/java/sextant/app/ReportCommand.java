package sextant.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.store.Database;
import sextant.store.LedgerReader;

/** Shows what past cycles saw, decided and did, from the ledger: for unattended runs, read the next morning. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Show a recorded cycle from the ledger: phases, decisions with reasons, orders and fills.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--cycle", paramLabel = "ID", description = "Cycle to show (default: the newest).")
    Long cycle;

    @Option(names = "--list", paramLabel = "N", description = "List the N newest cycles instead.")
    Integer list;

    @Mixin
    JsonOption output;

    @Option(names = "--html", description = "Write a self-contained HTML report with charts instead of text.")
    boolean html;

    @Option(names = "--replay", paramLabel = "DIR",
            description = "With --html: report the replay in DIR (its replay.json, and gate.json if present).")
    Path replay;

    @Option(names = "--out", paramLabel = "FILE",
            description = "With --html: the file to write (default: <state>/reports/cycle-ID.html, or DIR/report.html).")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        if (!html && (replay != null || outFile != null)) {
            throw new ConfigException("--replay and --out belong to the HTML report: add --html");
        }
        if (html && (output.json || list != null)) {
            throw new ConfigException("--html writes a page; it does not combine with --json or --list");
        }
        if (html && replay != null) {
            if (cycle != null) {
                throw new ConfigException("pass either --cycle or --replay, not both");
            }
            return HtmlReports.replay(replay, outFile, common.terminal().out());
        }
        Path stateDir = common.stateDirOnly();
        if (!Files.isRegularFile(stateDir.resolve("sextant.db"))) {
            throw new ConfigException("no ledger in " + stateDir + " (run `sextant cycle` first, or pass --state-dir)");
        }
        PrintWriter out = common.terminal().out();
        Logs.useStateDir(stateDir);
        try (Database db = Database.openIn(stateDir)) {
            LedgerReader ledger = new LedgerReader(db);
            if (list != null) {
                List<Map<String, Object>> cycles = ledger.recentCycles(list);
                if (output.json) {
                    out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(cycles));
                } else {
                    table(out, cycles);
                }
                out.flush();
                return Main.EXIT_OK;
            }
            long id = cycle != null ? cycle : ledger.lastCycleId()
                    .orElseThrow(() -> new ConfigException("the ledger in " + stateDir + " has no cycle yet"));
            Map<String, Object> c = ledger.cycle(id)
                    .orElseThrow(() -> new ConfigException("no cycle " + id + " in the ledger in " + stateDir));
            if (html) {
                Path target = outFile != null ? outFile : stateDir.resolve("reports").resolve("cycle-" + id + ".html");
                return HtmlReports.cycle(db, ledger, id, target, out);
            }
            Map<String, Object> all = new LinkedHashMap<>(c);
            all.put("phases", ledger.phases(id));
            all.put("decisions", ledger.decisions(id));
            all.put("orders", ledger.orders(id));
            all.put("fills", ledger.fills(id));
            all.put("account", ledger.account(id));
            if (output.json) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
            } else {
                out.printf(Locale.ROOT, "Cycle %s for %s: %s (broker %s, data %s, model %s), started %s%n", id,
                        c.get("as_of"), c.get("status"), c.get("broker"), c.get("data_source"), c.get("model"),
                        c.get("started_at"));
                out.printf(Locale.ROOT, "%s%n%nPhases:%n", c.get("summary"));
                table(out, ledger.phases(id));
                out.printf(Locale.ROOT, "%nDecisions:%n");
                table(out, ledger.decisions(id));
                out.printf(Locale.ROOT, "%nOrders:%n");
                table(out, ledger.orders(id));
                out.printf(Locale.ROOT, "%nFills recorded by this cycle:%n");
                table(out, ledger.fills(id));
                out.printf(Locale.ROOT, "%nAccount:%n");
                table(out, ledger.account(id));
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /** Prints rows as aligned columns; long text (reasons) goes last and is not padded. */
    static void table(PrintWriter out, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            out.println("  (none)");
            return;
        }
        List<String> cols = List.copyOf(rows.get(0).keySet());
        int[] width = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            width[i] = cols.get(i).length();
            for (Map<String, Object> r : rows) {
                width[i] = Math.max(width[i], cell(r.get(cols.get(i))).length());
            }
        }
        StringBuilder head = new StringBuilder("  ");
        for (int i = 0; i < cols.size(); i++) {
            head.append(i == cols.size() - 1 ? cols.get(i) : String.format(Locale.ROOT, "%-" + width[i] + "s  ", cols.get(i)));
        }
        out.println(head.toString().stripTrailing());
        for (Map<String, Object> r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < cols.size(); i++) {
                String v = cell(r.get(cols.get(i)));
                line.append(i == cols.size() - 1 ? v : String.format(Locale.ROOT, "%-" + width[i] + "s  ", v));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String cell(@Nullable Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Math.abs(d) >= 1 || d == 0 ? String.format(Locale.ROOT, "%.2f", d) : String.format(Locale.ROOT, "%.6f", d);
        }
        return v.toString();
    }
}
