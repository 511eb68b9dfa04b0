package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reading Alpaca JSON: the trading API sends numbers as strings, market data as numbers; both are accepted. */
final class Json {
    private Json() {
    }

    /** A number field, or NaN when absent or null. A present but unparsable value is an error naming the field. */
    static double num(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new AlpacaApiException("Alpaca sent a non-numeric '" + field + "': '" + s + "'", 200, 0);
        }
    }

    /** A text field, or null when absent or JSON null. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * A text field that Alpaca always sends (an order's id, a symbol): its absence is an error naming the field, here
     * rather than a null further on.
     */
    static String requiredText(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            throw new AlpacaApiException("Alpaca sent no '" + field + "'", 200, 0);
        }
        return s;
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    /** RFC-3339 timestamp (with Z or an offset), or null when absent. */
    static @Nullable Instant time(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new AlpacaApiException("Alpaca sent an invalid timestamp in '" + field + "': '" + s + "'", 200, 0);
        }
    }

    /** Writes a quantity or price as Alpaca wants it (a plain decimal string), leaving the field out when absent. */
    static void putDecimal(ObjectNode n, String field, @Nullable BigDecimal value) {
        if (value != null) {
            n.put(field, value.toPlainString());
        }
    }
}
