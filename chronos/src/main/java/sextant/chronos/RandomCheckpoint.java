package sextant.chronos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a Chronos-Bolt checkpoint directory with the published shapes and random weights, for benchmarks and tests
 * where the numbers need not mean anything. Linear weights are N(0, 1/fan_in), so activations stay O(1) through
 * the stack as in a trained model; layer-norm gains are 1 and biases small. The same seed always writes the same
 * bytes.
 */
public final class RandomCheckpoint {
    private static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private RandomCheckpoint() {
    }

    /** The published amazon/chronos-bolt-{tiny,mini,small,base} configurations. */
    public enum Preset {
        TINY(256, 4, 1024, 4, 8_652_672L),
        MINI(384, 8, 1536, 4, 21_236_096L),
        SMALL(512, 8, 2048, 6, 47_718_016L),
        BASE(768, 12, 3072, 12, 205_292_928L);

        final int dModel;
        final int heads;
        final int dFf;
        final int layers;
        /** The parameter count amazon publishes for the model. */
        public final long publishedParameters;

        Preset(int dModel, int heads, int dFf, int layers, long publishedParameters) {
            this.dModel = dModel;
            this.heads = heads;
            this.dFf = dFf;
            this.layers = layers;
            this.publishedParameters = publishedParameters;
        }

        public ChronosConfig config() {
            return new ChronosConfig(2048, 64, 16, 16, LEVELS.clone(), true, dModel, 64, dFf, heads, layers, layers, 32, 128, 1e-6f);
        }

        public static Preset parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown Chronos-Bolt size '" + name + "' (tiny, mini, small or base)");
            }
        }
    }

    /** Writes {@code config.json} and {@code model.safetensors} of a preset into {@code dir} (created if needed). */
    public static Path write(Path dir, Preset preset, long seed) {
        return write(dir, preset.config(), seed);
    }

    /** Writes a checkpoint of any configuration this implementation supports. */
    public static Path write(Path dir, ChronosConfig c, long seed) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config.json"), c.toJson());
            SplittableRandom root = new SplittableRandom(seed);
            SafetensorsWriter w = new SafetensorsWriter();
            int d = c.dModel();
            int inner = c.innerDim();
            int ff = c.dFf();
            int patchIn = 2 * c.patchSize();
            int qh = c.numQuantiles() * c.predictionLength();
            gaussian(w, root, "shared.weight", 1.0, c.vocab(), d);
            residualBlock(w, root, "input_patch_embedding", patchIn, ff, d);
            residualBlock(w, root, "output_patch_embedding", d, ff, qh);
            for (String stack : new String[] {"encoder", "decoder"}) {
                boolean dec = stack.equals("decoder");
                int layers = dec ? c.numDecoderLayers() : c.numLayers();
                for (int i = 0; i < layers; i++) {
                    String p = stack + ".block." + i + ".layer.";
                    attention(w, root, p + "0.SelfAttention", d, inner);
                    ones(w, p + "0.layer_norm.weight", d);
                    if (i == 0) {
                        gaussian(w, root, p + "0.SelfAttention.relative_attention_bias.weight", 0.5, c.numBuckets(), c.numHeads());
                    }
                    int ffLayer = 1;
                    if (dec) {
                        attention(w, root, p + "1.EncDecAttention", d, inner);
                        ones(w, p + "1.layer_norm.weight", d);
                        ffLayer = 2;
                    }
                    gaussian(w, root, p + ffLayer + ".DenseReluDense.wi.weight", 1 / Math.sqrt(d), ff, d);
                    gaussian(w, root, p + ffLayer + ".DenseReluDense.wo.weight", 1 / Math.sqrt(ff), d, ff);
                    ones(w, p + ffLayer + ".layer_norm.weight", d);
                }
                ones(w, stack + ".final_layer_norm.weight", d);
            }
            w.write(dir.resolve("model.safetensors"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write a random checkpoint: " + e.getMessage(), e);
        }
    }

    private static void attention(SafetensorsWriter w, SplittableRandom r, String p, int d, int inner) {
        for (String m : new String[] {"q", "k", "v"}) {
            gaussian(w, r, p + "." + m + ".weight", 1 / Math.sqrt(d), inner, d);
        }
        gaussian(w, r, p + ".o.weight", 1 / Math.sqrt(inner), d, inner);
    }

    private static void residualBlock(SafetensorsWriter w, SplittableRandom r, String p, int in, int hidden, int out) {
        gaussian(w, r, p + ".hidden_layer.weight", 1 / Math.sqrt(in), hidden, in);
        gaussian(w, r, p + ".hidden_layer.bias", 0.1, hidden);
        gaussian(w, r, p + ".output_layer.weight", 1 / Math.sqrt(hidden), out, hidden);
        gaussian(w, r, p + ".output_layer.bias", 0.1, out);
        gaussian(w, r, p + ".residual_layer.weight", 1 / Math.sqrt(in), out, in);
        gaussian(w, r, p + ".residual_layer.bias", 0.1, out);
    }

    private static void gaussian(SafetensorsWriter w, SplittableRandom root, String name, double std, long... shape) {
        // Each tensor draws from its own split stream, so the values do not depend on the order tensors are written.
        SplittableRandom r = root.split();
        w.add(name, DType.F32, () -> {
            float[] v = new float[count(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (gaussian(r) * std);
            }
            return v;
        }, shape);
    }

    private static void ones(SafetensorsWriter w, String name, long... shape) {
        w.add(name, DType.F32, () -> {
            float[] v = new float[count(shape)];
            java.util.Arrays.fill(v, 1f);
            return v;
        }, shape);
    }

    private static int count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** Box-Muller from the stream (SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
