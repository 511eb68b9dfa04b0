package sextant.forecast.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads and writes {@link ModelRecord}s as the original's JSON, with errors that name the file and the field. */
final class ModelRecordJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelRecordJson() {
    }

    static ModelRecord parse(String text, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not valid JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object {symbol, model, config, ...}");
        }
        String symbol = requiredText(root, "symbol", where);
        String model = requiredText(root, "model", where);
        Map<String, Object> config = object(root, "config", where);
        Map<String, Object> metadata = object(root, "metadata", where);
        JsonNode w = root.path("windows");
        ModelRecord.Windows windows = new ModelRecord.Windows(w.path("val_window").asInt(0), w.path("test_window").asInt(0),
                w.path("forecast_horizon").asInt(1));
        @Nullable String configPath = root.hasNonNull("config_path") ? root.get("config_path").asText() : null;
        return new ModelRecord(symbol, model, config, scores(root.path("validation")), scores(root.path("test")), windows,
                metadata, configPath);
    }

    private static String requiredText(JsonNode root, String field, String where) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing or not a non-empty string");
        }
        return n.asText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonNode root, String field, String where) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return new LinkedHashMap<>();
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a JSON object");
        }
        return JSON.convertValue(n, LinkedHashMap.class);
    }

    /** Some of the original's files name the metric {@code test_pct_return_mae}; both spellings are read. */
    private static ModelRecord.Scores scores(JsonNode n) {
        double pct = number(n, "pct_return_mae");
        if (Double.isNaN(pct)) {
            pct = number(n, "test_pct_return_mae");
        }
        return new ModelRecord.Scores(number(n, "price_mae"), pct, number(n, "latency_s"));
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    static String write(ModelRecord r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("symbol", r.symbol());
        root.put("model", r.model());
        root.set("config", JSON.valueToTree(r.config()));
        putScores(root.putObject("validation"), r.validation());
        putScores(root.putObject("test"), r.test());
        ObjectNode w = root.putObject("windows");
        w.put("val_window", r.windows().valWindow());
        w.put("test_window", r.windows().testWindow());
        w.put("forecast_horizon", r.windows().forecastHorizon());
        root.set("metadata", JSON.valueToTree(r.metadata()));
        if (r.configPath() != null) {
            root.put("config_path", r.configPath());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(r.symbol() + ": cannot write record (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static void putScores(ObjectNode o, ModelRecord.Scores s) {
        putNumber(o, "price_mae", s.priceMae());
        putNumber(o, "pct_return_mae", s.pctReturnMae());
        putNumber(o, "latency_s", s.latencyS());
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
