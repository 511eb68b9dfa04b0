package sextant.onnx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import sextant.core.forecast.ModelLoadException;

/**
 * The JSON file that sits beside an exported ONNX model and says how to feed it and read it (format of
 * {@code shared/models/*.json}). Parsed once, validated field by field, so a bad manifest fails at start-up with
 * the file and field named instead of failing inside the first cycle.
 *
 * @param manifestPath   where the manifest was read from
 * @param modelPath      the ONNX file ({@code file}, resolved against the manifest's directory)
 * @param input          name of the context input tensor
 * @param output         name of the quantile output tensor
 * @param layout         input/output tensor layout pair
 * @param contextLength  bars the model reads (T); shorter contexts are left-padded with NaN
 * @param predictionLength steps the model predicts (H); Sextant uses the first
 * @param quantileLevels the model's quantile levels, strictly increasing in (0, 1)
 * @param missingValues  the missing-value convention; only NaN left-padding is supported
 */
public record ModelManifest(Path manifestPath, Path modelPath, String input, String output, Layout layout,
                            int contextLength, int predictionLength, double[] quantileLevels, String missingValues) {

    /** Longest context accepted; guards against a typo allocating gigabytes of padding. */
    static final int MAX_CONTEXT = 1 << 16;

    @Override
    public double[] quantileLevels() {
        return quantileLevels.clone();
    }

    /** The manifest's file name without {@code .json}; used in the forecaster id. */
    public String name() {
        String f = manifestPath.getFileName().toString();
        return f.toLowerCase(Locale.ROOT).endsWith(".json") ? f.substring(0, f.length() - 5) : f;
    }

    /** Reads and validates a manifest; does not open the model. */
    public static ModelManifest read(Path manifestPath) {
        String where = manifestPath.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifestPath);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(where + ": manifest file does not exist (pass the model's .json manifest)");
        } catch (IOException e) {
            throw new ModelLoadException(where + ": cannot read manifest: " + e.getMessage(), e);
        }
        Raw raw;
        try {
            raw = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
                    .readValue(bytes, Raw.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new ModelLoadException(where + ": field '" + field + "' has the wrong type: " + firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new ModelLoadException(where + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ModelLoadException(where + ": cannot read manifest: " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new ModelLoadException(where + ": manifest is empty");
        }
        return validate(manifestPath, raw);
    }

    private static ModelManifest validate(Path manifestPath, Raw raw) {
        String where = manifestPath + ": ";
        if (raw.format != null && !raw.format.equalsIgnoreCase("onnx")) {
            throw new ModelLoadException(where + "field 'format' is '" + raw.format + "'; only 'onnx' is supported");
        }
        String file = required(where, "file", raw.file);
        String input = required(where, "input", raw.input);
        String output = required(where, "output", raw.output);
        String inLayout = required(where, "input_layout", raw.inputLayout);
        String outLayout = required(where, "output_layout", raw.outputLayout);
        Layout layout = Layout.of(inLayout, outLayout).orElseThrow(() -> new ModelLoadException(where
                + "unsupported layout input_layout='" + inLayout + "' output_layout='" + outLayout
                + "'; supported: B,T -> B,Q,H (Chronos-Bolt style) and B,V,T -> Q,B,V,H (Toto style)"));
        if (raw.contextLength == null || raw.contextLength < 1 || raw.contextLength > MAX_CONTEXT) {
            throw new ModelLoadException(where + "field 'context_length' must be an integer in 1.." + MAX_CONTEXT + ", got " + raw.contextLength);
        }
        if (raw.predictionLength == null || raw.predictionLength < 1) {
            throw new ModelLoadException(where + "field 'prediction_length' must be an integer >= 1, got " + raw.predictionLength);
        }
        if (raw.quantileLevels == null || raw.quantileLevels.isEmpty()) {
            throw new ModelLoadException(where + "field 'quantile_levels' is missing or empty (e.g. [0.1, 0.2, ..., 0.9])");
        }
        double[] levels = new double[raw.quantileLevels.size()];
        for (int i = 0; i < levels.length; i++) {
            Double q = raw.quantileLevels.get(i);
            if (q == null || !(q > 0 && q < 1)) {
                throw new ModelLoadException(where + "field 'quantile_levels[" + i + "]' must be in (0, 1), got " + q);
            }
            if (i > 0 && q <= levels[i - 1]) {
                throw new ModelLoadException(where + "field 'quantile_levels' must be strictly increasing (index " + i + ": "
                        + q + " after " + levels[i - 1] + ")");
            }
            levels[i] = q;
        }
        String missing = raw.missingValues == null ? "NaN, left-padded" : raw.missingValues;
        String m = missing.toLowerCase(Locale.ROOT);
        if (!m.contains("nan") || !m.contains("left")) {
            throw new ModelLoadException(where + "field 'missing_values' is '" + missing
                    + "'; only NaN left-padding ('NaN, left-padded') is supported");
        }
        // An absolute path to a file always has a parent directory.
        Path dir = Objects.requireNonNull(manifestPath.toAbsolutePath().getParent());
        Path model = dir.resolve(file).normalize();
        if (!Files.isRegularFile(model)) {
            throw new ModelLoadException(where + "field 'file' names " + model + ", which does not exist (put the .onnx file beside the manifest)");
        }
        return new ModelManifest(manifestPath, model, input, output, layout, raw.contextLength, raw.predictionLength, levels, missing);
    }

    private static String required(String where, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new ModelLoadException(where + "required field '" + field + "' is missing or empty");
        }
        return value;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The JSON as written; unknown fields (e.g. "weights", "note") are documentation and ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Raw {
        @JsonProperty("format") @Nullable String format;
        @JsonProperty("file") @Nullable String file;
        @JsonProperty("input") @Nullable String input;
        @JsonProperty("output") @Nullable String output;
        @JsonProperty("input_layout") @Nullable String inputLayout;
        @JsonProperty("output_layout") @Nullable String outputLayout;
        @JsonProperty("context_length") @Nullable Integer contextLength;
        @JsonProperty("prediction_length") @Nullable Integer predictionLength;
        @JsonProperty("quantile_levels") @Nullable List<Double> quantileLevels;
        @JsonProperty("missing_values") @Nullable String missingValues;
    }
}
