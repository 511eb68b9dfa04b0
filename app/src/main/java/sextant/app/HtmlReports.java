package sextant.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import sextant.app.html.CycleHtmlReport;
import sextant.app.html.ReplayHtmlReport;
import sextant.store.Database;
import sextant.store.LedgerHistory;
import sextant.store.LedgerReader;

/** Writes the HTML reports to files: reads the inputs, names the file that is wrong, says where the page went. */
final class HtmlReports {
    private HtmlReports() {
    }

    static int cycle(Database db, LedgerReader ledger, long id, Path target, PrintWriter out) throws IOException {
        String page = new CycleHtmlReport(ledger, new LedgerHistory(db)).render(id);
        write(target, page, out);
        return Main.EXIT_OK;
    }

    static int replay(Path dir, Path target, PrintWriter out) throws IOException {
        Path replayFile = dir.resolve("replay.json");
        if (!Files.isRegularFile(replayFile)) {
            throw new ConfigException("no replay.json in " + dir + " (run `sextant replay ... --out " + dir + "` first)");
        }
        JsonNode replay = read(replayFile);
        if (!replay.path("replay").isObject()) {
            throw new ConfigException(replayFile + ": no \"replay\" object at the top level; is this a replay.json?");
        }
        Path gateFile = dir.resolve("gate.json");
        JsonNode gate = Files.isRegularFile(gateFile) ? read(gateFile) : null;
        String page;
        try {
            page = new ReplayHtmlReport(replay, gate, dir.toString()).render();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(replayFile + ": " + e.getMessage());
        }
        write(target != null ? target : dir.resolve("report.html"), page, out);
        return Main.EXIT_OK;
    }

    private static JsonNode read(Path file) throws IOException {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    private static void write(Path target, String page, PrintWriter out) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, page, StandardCharsets.UTF_8);
        out.println("wrote " + target);
        out.flush();
    }
}
