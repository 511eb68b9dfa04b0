package sextant.chronos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sextant.core.forecast.ModelLoadException;

/**
 * The parts of a Chronos-Bolt {@code config.json} that inference needs: the {@code chronos_config} block and the T5
 * fields. {@link #read} refuses anything this implementation does not compute (another architecture, a gated or
 * non-ReLU feed-forward, a different start token) by naming the field, rather than computing something else.
 */
public record ChronosConfig(
        int contextLength,
        int predictionLength,
        int patchSize,
        int patchStride,
        double[] quantiles,
        boolean useRegToken,
        int dModel,
        int dKv,
        int dFf,
        int numHeads,
        int numLayers,
        int numDecoderLayers,
        int numBuckets,
        int maxDistance,
        float layerNormEps) {

    /** Vocabulary rows in {@code shared.weight}: the decoder start token, plus [REG] when used. */
    public int vocab() {
        return useRegToken ? 2 : 1;
    }

    public int innerDim() {
        return numHeads * dKv;
    }

    public int numQuantiles() {
        return quantiles.length;
    }

    /** Number of float32 parameters the checkpoint holds (the published counts are computed this way). */
    public long parameterCount() {
        long d = dModel;
        long inner = innerDim();
        long qh = (long) numQuantiles() * predictionLength;
        long in = 2L * patchSize;
        long inputBlock = dFf * in + dFf + d * dFf + d + d * in + d;
        long outputBlock = dFf * d + dFf + qh * dFf + qh + qh * d + qh;
        long encBlock = 4 * d * inner + d + 2 * d * dFf + d;
        long decBlock = 8 * d * inner + 3 * d + 2 * d * dFf;
        long bias = (long) numBuckets * numHeads;
        return vocab() * d + inputBlock + outputBlock + numLayers * encBlock + bias + d + numDecoderLayers * decBlock + bias + d;
    }

    static ChronosConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read: " + e.getMessage(), e);
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(file + ": not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new ModelLoadException(file + ": not a JSON object");
        }
        Fields f = new Fields(file, root, "");
        Object arch = root.get("architectures");
        if (arch != null && !(arch instanceof List<?> l && l.contains("ChronosBoltModelForForecasting"))) {
            throw new ModelLoadException(file + ": field 'architectures' is " + arch + "; only ChronosBoltModelForForecasting is supported");
        }
        f.requireString("model_type", "t5");
        Object cc = root.get("chronos_config");
        if (!(cc instanceof Map<?, ?> chronos)) {
            throw new ModelLoadException(file + ": field 'chronos_config' is missing; not a Chronos-Bolt config.json");
        }
        Fields c = new Fields(file, chronos, "chronos_config.");
        for (Object key : chronos.keySet()) {
            if (!List.of("context_length", "prediction_length", "input_patch_size", "input_patch_stride", "quantiles", "use_reg_token").contains(key)) {
                throw new ModelLoadException(file + ": field 'chronos_config." + key + "' is not supported by this implementation");
            }
        }
        String ff = f.string("feed_forward_proj", "relu");
        if (!ff.equals("relu")) {
            throw new ModelLoadException(file + ": field 'feed_forward_proj' is '" + ff + "'; only \"relu\" (Chronos-Bolt's) is supported");
        }
        f.requireString("dense_act_fn", "relu");
        if (f.bool("is_gated_act", false)) {
            throw new ModelLoadException(file + ": field 'is_gated_act' is true; only the ungated ReLU feed-forward is supported");
        }
        if (f.integer("decoder_start_token_id", 0) != 0) {
            throw new ModelLoadException(file + ": field 'decoder_start_token_id' must be 0 (row 0 of shared.weight)");
        }
        boolean reg = c.bool("use_reg_token", false);
        if (reg && f.integer("reg_token_id", 1) != 1) {
            throw new ModelLoadException(file + ": field 'reg_token_id' must be 1 (row 1 of shared.weight)");
        }
        List<?> q = c.list("quantiles");
        double[] quantiles = new double[q.size()];
        for (int i = 0; i < quantiles.length; i++) {
            if (!(q.get(i) instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() < 1)
                    || (i > 0 && n.doubleValue() <= quantiles[i - 1])) {
                throw new ModelLoadException(file + ": field 'chronos_config.quantiles' must be increasing levels in (0, 1), got " + q);
            }
            quantiles[i] = n.doubleValue();
        }
        if (quantiles.length == 0) {
            throw new ModelLoadException(file + ": field 'chronos_config.quantiles' is empty");
        }
        int layers = f.positive("num_layers");
        ChronosConfig cfg = new ChronosConfig(
                c.positive("context_length"), c.positive("prediction_length"), c.positive("input_patch_size"),
                c.positive("input_patch_stride"), quantiles, reg,
                f.positive("d_model"), f.positive("d_kv"), f.positive("d_ff"), f.positive("num_heads"), layers,
                f.has("num_decoder_layers") ? f.positive("num_decoder_layers") : layers,
                f.positive("relative_attention_num_buckets"), f.positive("relative_attention_max_distance"),
                (float) f.number("layer_norm_epsilon"));
        if (cfg.patchStride() != cfg.patchSize()) {
            throw new ModelLoadException(file + ": field 'chronos_config.input_patch_stride' (" + cfg.patchStride()
                    + ") differs from input_patch_size; only non-overlapping patches are supported");
        }
        return cfg;
    }

    /** The config as {@code config.json} text, with the fields a reference loader needs too. */
    String toJson() {
        StringBuilder q = new StringBuilder();
        for (double v : quantiles) {
            q.append(q.length() == 0 ? "" : ", ").append(v);
        }
        return String.format(Locale.ROOT, "{\n  \"architectures\": [\"ChronosBoltModelForForecasting\"],\n"
                + "  \"chronos_config\": {\"context_length\": %d, \"input_patch_size\": %d, \"input_patch_stride\": %d,"
                + " \"prediction_length\": %d, \"quantiles\": [%s], \"use_reg_token\": %s},\n"
                + "  \"chronos_pipeline_class\": \"ChronosBoltPipeline\",\n  \"d_ff\": %d, \"d_kv\": %d, \"d_model\": %d,\n"
                + "  \"decoder_start_token_id\": 0, \"dense_act_fn\": \"relu\", \"feed_forward_proj\": \"relu\", \"is_gated_act\": false,\n"
                + "  \"is_encoder_decoder\": true, \"layer_norm_epsilon\": %s, \"model_type\": \"t5\",\n"
                + "  \"num_decoder_layers\": %d, \"num_heads\": %d, \"num_layers\": %d, \"pad_token_id\": 0, \"reg_token_id\": 1,\n"
                + "  \"relative_attention_max_distance\": %d, \"relative_attention_num_buckets\": %d,\n"
                + "  \"torch_dtype\": \"float32\", \"vocab_size\": %d\n}\n",
                contextLength, patchSize, patchStride, predictionLength, q, useRegToken, dFf, dKv, dModel,
                Float.toString(layerNormEps), numDecoderLayers, numHeads, numLayers, maxDistance, numBuckets, vocab());
    }

    /** Typed access to one JSON object's fields, with errors naming the file and the field. */
    private record Fields(Path file, Map<?, ?> map, String prefix) {
        boolean has(String key) {
            return map.get(key) != null;
        }

        Object get(String key) {
            Object v = map.get(key);
            if (v == null) {
                throw new ModelLoadException(file + ": field '" + prefix + key + "' is missing");
            }
            return v;
        }

        int positive(String key) {
            Object v = get(key);
            if (!(v instanceof Long l) || l < 1 || l > 1_000_000) {
                throw invalid(key, "a positive integer", v);
            }
            return l.intValue();
        }

        int integer(String key, int dflt) {
            return optional(key, (long) dflt, Long.class, "an integer").intValue();
        }

        double number(String key) {
            Object v = get(key);
            if (!(v instanceof Number n) || !(n.doubleValue() > 0)) {
                throw invalid(key, "a positive number", v);
            }
            return n.doubleValue();
        }

        boolean bool(String key, boolean dflt) {
            return optional(key, dflt, Boolean.class, "true or false");
        }

        /** The field as a {@code type} (what the JSON reader makes of it), or {@code dflt} when it is absent. */
        private <T> T optional(String key, T dflt, Class<T> type, String mustBe) {
            Object v = map.get(key);
            if (v == null) {
                return dflt;
            }
            if (!type.isInstance(v)) {
                throw invalid(key, mustBe, v);
            }
            return type.cast(v);
        }

        private ModelLoadException invalid(String key, String mustBe, Object v) {
            return new ModelLoadException(file + ": field '" + prefix + key + "' must be " + mustBe + ", got " + v);
        }

        String string(String key, String dflt) {
            Object v = map.get(key);
            return v == null ? dflt : v.toString();
        }

        void requireString(String key, String expected) {
            Object v = map.get(key);
            if (v != null && !expected.equals(v)) {
                throw new ModelLoadException(file + ": field '" + prefix + key + "' is '" + v + "'; only '" + expected + "' is supported");
            }
        }

        List<?> list(String key) {
            Object v = get(key);
            if (!(v instanceof List<?> l)) {
                throw new ModelLoadException(file + ": field '" + prefix + key + "' must be a list");
            }
            return l;
        }
    }
}
