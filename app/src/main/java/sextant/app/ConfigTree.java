package sextant.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The effective configuration as a YAML tree: embedded defaults, then the YAML file, then {@code --set key=value}
 * overrides. Every key of the file must exist in the defaults and have the same type; otherwise loading fails with a
 * message that names the key and the file (and its line, {@link YamlKeyLines}). Only the sections' {@code from}
 * factories read it, once, into {@link SextantConfig}; nothing else reads configuration by key.
 */
final class ConfigTree {
    static final String DEFAULTS = "/sextant/app/defaults.yaml";
    /** A key given twice in one mapping is an error (otherwise the last one silently wins). */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final ObjectNode tree;
    private final String source;

    private ConfigTree(ObjectNode tree, String source) {
        this.tree = tree;
        this.source = source;
    }

    /** Loads {@code file} (may be null: defaults only) and applies {@code overrides} ("a.b=value"). */
    static ConfigTree load(@Nullable Path file, List<String> overrides) {
        ObjectNode defaults = defaults();
        ObjectNode merged = defaults.deepCopy();
        String source = "built-in defaults";
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file + ": configuration file not found");
            }
            JsonNode user;
            try {
                user = YAML.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                throw new ConfigException(yamlError(file, e));
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
            }
            if (user != null && !user.isMissingNode() && !user.isNull()) {
                if (!user.isObject()) {
                    throw new ConfigException(file + ": expected a mapping of sections at the top level");
                }
                merge(defaults, merged, (ObjectNode) user, "", file.toString());
            }
            source = file.toString();
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set " + o + ": expected key=value, e.g. --set portfolio.max-positions=5");
            }
            set(defaults, merged, o.substring(0, eq).trim(), o.substring(eq + 1).trim());
        }
        return new ConfigTree(merged, source);
    }

    /** "FILE:LINE: what is wrong" for a YAML syntax error or a duplicate key. */
    static String yamlError(Path file, JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0].strip();
        if (what.startsWith("Duplicate field ")) {
            what = "duplicate key " + what.substring("Duplicate field ".length()) + ": it is given twice in the same"
                    + " section; keep one";
        } else {
            what = "not valid YAML (" + what + ")";
        }
        JsonLocation at = e.getLocation();
        return file + (at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() : "") + ": " + what;
    }

    static ObjectNode defaults() {
        try (InputStream in = ConfigTree.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("built-in defaults " + DEFAULTS + " are missing from the jar", e);
        }
    }

    private static void merge(ObjectNode schema, ObjectNode target, ObjectNode user, String prefix, String file) {
        Iterator<Map.Entry<String, JsonNode>> it = user.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode expected = schema.get(e.getKey());
            if (expected == null) {
                throw new ConfigException(YamlKeyLines.where(file, key) + ": unknown key '" + key + "'"
                        + suggestion(schema, e.getKey(), prefix));
            }
            JsonNode value = e.getValue();
            if (expected.isObject()) {
                if (!value.isObject()) {
                    throw new ConfigException(YamlKeyLines.where(file, key) + ": '" + key + "' must be a section (mapping),"
                            + " got " + describe(value));
                }
                merge((ObjectNode) expected, (ObjectNode) target.get(e.getKey()), (ObjectNode) value, key + ".", file);
            } else {
                target.set(e.getKey(), checkType(file, key, expected, value));
            }
        }
    }

    private static void set(ObjectNode schema, ObjectNode target, String key, String raw) {
        String[] parts = key.split("\\.");
        ObjectNode s = schema;
        ObjectNode t = target;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = s.get(parts[i]);
            if (next == null || !next.isObject()) {
                throw new ConfigException("--set " + key + ": unknown key '" + key + "'");
            }
            s = (ObjectNode) next;
            t = (ObjectNode) t.get(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        JsonNode expected = s.get(leaf);
        if (expected == null || expected.isObject()) {
            throw new ConfigException("--set " + key + ": unknown key '" + key + "'");
        }
        JsonNode value;
        if (expected.isArray()) {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            String list = raw.strip();
            if (list.startsWith("[") && list.endsWith("]")) {
                list = list.substring(1, list.length() - 1);
            }
            for (String item : list.split(",")) {
                String name = unquote(item.strip());
                if (!name.isBlank()) {
                    arr.add(name);
                }
            }
            value = arr;
        } else {
            try {
                value = YAML.readTree(raw.isEmpty() ? "\"\"" : raw);
            } catch (IOException e) {
                value = JsonNodeFactory.instance.textNode(raw);
            }
            if (value == null || value.isNull() || value.isMissingNode()) {
                value = JsonNodeFactory.instance.textNode(raw);
            }
            if (expected.isTextual() && !value.isTextual()) {
                value = JsonNodeFactory.instance.textNode(raw);
            }
        }
        t.set(leaf, checkType("--set", key, expected, value));
    }

    /** {@code "AAPL"} or {@code 'AAPL'} is AAPL, as in a YAML list. */
    private static String unquote(String item) {
        if (item.length() >= 2 && ((item.startsWith("\"") && item.endsWith("\"")) || (item.startsWith("'") && item.endsWith("'")))) {
            return item.substring(1, item.length() - 1).strip();
        }
        return item;
    }

    private static JsonNode checkType(String file, String key, JsonNode expected, JsonNode value) {
        boolean ok;
        String want;
        if (expected.isBoolean()) {
            ok = value.isBoolean();
            want = "true or false";
        } else if (expected.isIntegralNumber()) {
            ok = value.isIntegralNumber();
            want = "a whole number";
        } else if (expected.isNumber()) {
            ok = value.isNumber();
            want = "a number";
            if (ok) {
                value = JsonNodeFactory.instance.numberNode(value.asDouble());
            }
        } else if (expected.isArray()) {
            ok = value.isArray();
            if (ok) {
                for (JsonNode item : value) {
                    ok &= item.isTextual();
                }
            }
            want = "a list of names, e.g. [A, B]";
        } else {
            ok = value.isTextual();
            want = "a text value";
        }
        if (!ok) {
            throw new ConfigException(YamlKeyLines.where(file, key) + ": '" + key + "' must be " + want + ", got "
                    + describe(value));
        }
        return value;
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        return v.isContainerNode() ? (v.isArray() ? "a list" : "a section") : v.toString();
    }

    private static String suggestion(ObjectNode schema, String key, String prefix) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        Iterator<String> names = schema.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            int d = distance(n, key);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean '" + prefix + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    /** The file the configuration came from, or "built-in defaults"; every section's error message starts with it. */
    String source() {
        return source;
    }

    /**
     * Builds one section's record; a value its compact constructor refuses (an {@link IllegalArgumentException}
     * naming the key) becomes a {@link ConfigException} that also names the file.
     */
    <T> T section(Supplier<T> build) {
        return section(source, build);
    }

    /** As {@link #section(Supplier)} for a configuration that came from {@code source}. */
    static <T> T section(String source, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private JsonNode node(String key) {
        JsonNode n = tree;
        for (String p : key.split("\\.")) {
            n = n.get(p);
            if (n == null) {
                throw new IllegalArgumentException("no configuration key '" + key + "' in the defaults");
            }
        }
        return n;
    }

    String string(String key) {
        return node(key).asText();
    }

    int integer(String key) {
        return node(key).asInt();
    }

    double number(String key) {
        return node(key).asDouble();
    }

    boolean bool(String key) {
        return node(key).asBoolean();
    }

    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        node(key).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The effective configuration as YAML. */
    String toYaml() {
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
