package sextant.chronos;

/**
 * Every tensor of a Chronos-Bolt checkpoint, checked against the shapes {@code config.json} implies and packed for
 * the kernels. Tensor names follow the published checkpoints ({@code shared.weight}, {@code input_patch_embedding.*},
 * {@code encoder.block.{i}.layer.{j}.*}, {@code decoder.*}, {@code output_patch_embedding.*}); the embeddings that
 * T5 ties to {@code shared.weight} are not stored and not read.
 */
final class ChronosWeights {
    /** One encoder block: pre-norm self-attention and pre-norm ReLU feed-forward. */
    record EncoderBlock(float[] attnNorm, PackedLinear qkv, PackedLinear attnOut, float[] ffNorm, PackedLinear wi, PackedLinear wo) {
    }

    /**
     * One decoder block: self-attention over its one position, cross-attention to the encoder, feed-forward. The
     * cross-attention keys and values are never projected: {@code crossK} ({@code [inner][d]} as stored) turns the
     * query into the encoder's space, and {@code crossVt} ({@code [d][inner]}, transposed once here) projects the
     * attention-weighted encoder state; see {@code EncoderDecoderPass#decode}.
     */
    record DecoderBlock(float[] selfNorm, PackedLinear selfV, PackedLinear selfOut, float[] crossNorm, PackedLinear crossQ,
                        float[] crossK, float[] crossVt, PackedLinear crossOut, float[] ffNorm, PackedLinear wi, PackedLinear wo) {
    }

    final ChronosConfig config;
    final float[] shared;
    final PackedLinear inHidden;
    final PackedLinear inOutput;
    final PackedLinear inResidual;
    final EncoderBlock[] encoder;
    /** {@code [numBuckets][numHeads]}: the encoder's relative position bias, shared by all its layers. */
    final float[] relativeBias;
    final float[] encoderFinalNorm;
    final DecoderBlock[] decoder;
    final float[] decoderFinalNorm;
    final PackedLinear outHidden;
    final PackedLinear outOutput;
    final PackedLinear outResidual;

    ChronosWeights(ChronosConfig c, SafetensorsFile f) {
        this.config = c;
        int d = c.dModel();
        int inner = c.innerDim();
        int ff = c.dFf();
        int patchIn = 2 * c.patchSize();
        int qh = c.numQuantiles() * c.predictionLength();
        shared = f.floats("shared.weight", c.vocab(), d);
        inHidden = linear(f, "input_patch_embedding.hidden_layer", patchIn, ff);
        inOutput = linear(f, "input_patch_embedding.output_layer", ff, d);
        inResidual = linear(f, "input_patch_embedding.residual_layer", patchIn, d);
        encoder = new EncoderBlock[c.numLayers()];
        for (int i = 0; i < encoder.length; i++) {
            String p = "encoder.block." + i + ".layer.";
            encoder[i] = new EncoderBlock(
                    f.floats(p + "0.layer_norm.weight", d),
                    PackedLinear.of(d, null, f.floats(p + "0.SelfAttention.q.weight", inner, d),
                            f.floats(p + "0.SelfAttention.k.weight", inner, d), f.floats(p + "0.SelfAttention.v.weight", inner, d)),
                    PackedLinear.of(inner, null, f.floats(p + "0.SelfAttention.o.weight", d, inner)),
                    f.floats(p + "1.layer_norm.weight", d),
                    PackedLinear.of(d, null, f.floats(p + "1.DenseReluDense.wi.weight", ff, d)),
                    PackedLinear.of(ff, null, f.floats(p + "1.DenseReluDense.wo.weight", d, ff)));
        }
        relativeBias = f.floats("encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight", c.numBuckets(), c.numHeads());
        encoderFinalNorm = f.floats("encoder.final_layer_norm.weight", d);
        // The decoder's own position bias exists in the file, but its one position attends only to itself, where a
        // softmax over a single key is exactly 1 whatever the bias; it is checked for shape and not used.
        f.floats("decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight", c.numBuckets(), c.numHeads());
        decoder = new DecoderBlock[c.numDecoderLayers()];
        for (int i = 0; i < decoder.length; i++) {
            String p = "decoder.block." + i + ".layer.";
            // q and k of the self-attention are checked but unused for the same reason: softmax over one key is 1.
            f.floats(p + "0.SelfAttention.q.weight", inner, d);
            f.floats(p + "0.SelfAttention.k.weight", inner, d);
            decoder[i] = new DecoderBlock(
                    f.floats(p + "0.layer_norm.weight", d),
                    PackedLinear.of(d, null, f.floats(p + "0.SelfAttention.v.weight", inner, d)),
                    PackedLinear.of(inner, null, f.floats(p + "0.SelfAttention.o.weight", d, inner)),
                    f.floats(p + "1.layer_norm.weight", d),
                    PackedLinear.of(d, null, f.floats(p + "1.EncDecAttention.q.weight", inner, d)),
                    f.floats(p + "1.EncDecAttention.k.weight", inner, d),
                    transpose(f.floats(p + "1.EncDecAttention.v.weight", inner, d), inner, d),
                    PackedLinear.of(inner, null, f.floats(p + "1.EncDecAttention.o.weight", d, inner)),
                    f.floats(p + "2.layer_norm.weight", d),
                    PackedLinear.of(d, null, f.floats(p + "2.DenseReluDense.wi.weight", ff, d)),
                    PackedLinear.of(ff, null, f.floats(p + "2.DenseReluDense.wo.weight", d, ff)));
        }
        decoderFinalNorm = f.floats("decoder.final_layer_norm.weight", d);
        outHidden = linear(f, "output_patch_embedding.hidden_layer", d, ff);
        outOutput = linear(f, "output_patch_embedding.output_layer", ff, qh);
        outResidual = linear(f, "output_patch_embedding.residual_layer", d, qh);
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    private static PackedLinear linear(SafetensorsFile f, String name, int in, int out) {
        return PackedLinear.of(in, f.floats(name + ".bias", out), f.floats(name + ".weight", out, in));
    }
}
