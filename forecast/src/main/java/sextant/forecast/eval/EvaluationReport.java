package sextant.forecast.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import sextant.core.forecast.Target;

/**
 * Scores per model (in evaluation order), the wall time of each model's batch, and the problem size.
 *
 * @param seconds wall-clock seconds of each model's single forecast call (fit + forecast of every context)
 */
public record EvaluationReport(Map<String, ModelScores> models, Map<String, Double> seconds, int symbols, int contexts) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code {"models": {"<name>": {"close": {"mae", "pinball", "coverage"}, "high": {...}, "low": {..., "fill_hit_rate"}}}}}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode ms = root.putObject("models");
        models.forEach((name, s) -> {
            ObjectNode m = ms.putObject(name);
            for (Target t : Target.values()) {
                TargetScores ts = s.of(t);
                ObjectNode o = m.putObject(t.name().toLowerCase(Locale.ROOT));
                putNumber(o, "mae", ts.mae());
                putNumber(o, "pinball", ts.pinball());
                putNumber(o, "coverage", ts.coverage());
                if (t == Target.LOW) {
                    putNumber(o, "fill_hit_rate", ts.fillHitRate());
                }
            }
        });
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** A human-readable table: percent units, with the MAE change against {@code naive} when it was evaluated. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "walk-forward: %d symbols, %d forecasts per model (one-bar %% changes)%n", symbols, contexts));
        sb.append(String.format(Locale.ROOT, "%-12s %-6s %9s %9s %9s %9s %10s %9s%n",
                "model", "target", "mae%", "pinball%", "coverage", "fill-hit", "vs naive", "time s"));
        ModelScores base = models.get("naive");
        models.forEach((name, s) -> {
            for (Target t : Target.values()) {
                TargetScores ts = s.of(t);
                String vs = base == null ? "" : String.format(Locale.ROOT, "%+.1f%%", 100.0 * (ts.mae() / base.of(t).mae() - 1.0));
                String fill = t == Target.LOW ? String.format(Locale.ROOT, "%.3f", ts.fillHitRate()) : "";
                sb.append(String.format(Locale.ROOT, "%-12s %-6s %9.4f %9.4f %9.3f %9s %10s %9.3f%n", name,
                        t.name().toLowerCase(Locale.ROOT), 100 * ts.mae(), 100 * ts.pinball(), ts.coverage(), fill, vs,
                        seconds.getOrDefault(name, Double.NaN)));
            }
        });
        return sb.toString();
    }
}
