package sextant.chronos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.forecast.ModelLoadException;

/** Each way a checkpoint can be unusable gives one line naming the file and the tensor or field. */
class CheckpointErrorsTest {
    @TempDir
    Path tmp;

    private Path copyOfFixture() throws IOException {
        Path src = Fixtures.root().resolve("tiny-ctx128");
        Path dir = Files.createDirectories(tmp.resolve("ckpt"));
        Files.copy(src.resolve("config.json"), dir.resolve("config.json"));
        Files.copy(src.resolve("model.safetensors"), dir.resolve("model.safetensors"));
        return dir;
    }

    private static String oneLineError(Path dir) {
        try {
            ChronosBoltModel.open(dir, 1).close();
        } catch (ModelLoadException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("expected " + dir + " to be refused");
    }

    /** Rewrites the fixture's weights with one tensor left out or replaced by one of another shape. */
    private static void rewrite(Path dir, String drop, String reshape, long... newShape) throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsFile in = SafetensorsFile.open(file);
        SafetensorsWriter w = new SafetensorsWriter();
        for (Map.Entry<String, SafetensorsFile.Entry> e : in.entries().entrySet()) {
            String name = e.getKey();
            long[] shape = e.getValue().shape();
            float[] v = in.floats(name, shape);
            if (name.equals(drop)) {
                continue;
            }
            w.add(name, DType.F32, () -> v, name.equals(reshape) ? newShape : shape);
        }
        Path out = dir.resolve("rewritten.safetensors");
        w.write(out);
        Files.move(out, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aTruncatedFileNamesTheFileAndTheFirstTensorPastTheEnd() throws IOException {
        Path dir = copyOfFixture();
        Path file = dir.resolve("model.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() - 1000);
        }
        assertThat(oneLineError(dir)).contains(file.toString()).contains("truncated").contains("tensor ").contains("download the file again");
    }

    @Test
    void aFileCutInsideItsHeaderOrAForeignFileIsRefused() throws IOException {
        Path dir = copyOfFixture();
        Path file = dir.resolve("model.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(100);
        }
        assertThat(oneLineError(dir)).contains(file.toString()).contains("truncated or not a safetensors file");
        Files.writeString(file, "PK\u0003\u0004 this is a zip, not a checkpoint");
        assertThat(oneLineError(dir)).contains(file.toString()).contains("not a safetensors file");
    }

    @Test
    void aMissingTensorIsNamed() throws IOException {
        Path dir = copyOfFixture();
        rewrite(dir, "encoder.block.1.layer.1.DenseReluDense.wo.weight", null);
        assertThat(oneLineError(dir)).contains(dir.resolve("model.safetensors").toString())
                .contains("tensor encoder.block.1.layer.1.DenseReluDense.wo.weight is missing").contains("[64, 128]");
    }

    @Test
    void aWrongShapeIsNamedWithBothShapes() throws IOException {
        Path dir = copyOfFixture();
        rewrite(dir, null, "decoder.block.0.layer.1.EncDecAttention.q.weight", 32, 128);
        assertThat(oneLineError(dir)).contains(dir.resolve("model.safetensors").toString())
                .contains("tensor decoder.block.0.layer.1.EncDecAttention.q.weight has shape [32, 128], expected [64, 64]");
    }

    @Test
    void anUnsupportedConfigNamesTheField() throws IOException {
        Path dir = copyOfFixture();
        Path config = dir.resolve("config.json");
        String text = Files.readString(config);
        Files.writeString(config, text.replace("\"feed_forward_proj\": \"relu\"", "\"feed_forward_proj\": \"gated-gelu\""));
        assertThat(oneLineError(dir)).contains(config.toString()).contains("'feed_forward_proj'").contains("gated-gelu");
        Files.writeString(config, text.replace("\"use_reg_token\": true", "\"use_reg_token\": true, \"use_arcsinh\": true"));
        assertThat(oneLineError(dir)).contains(config.toString()).contains("'chronos_config.use_arcsinh'");
        Files.writeString(config, text.replace("\"d_model\": 64,", ""));
        assertThat(oneLineError(dir)).contains(config.toString()).contains("'d_model' is missing");
    }

    @Test
    void bfloat16WeightsLoadAsTheirFloat32Values() throws IOException {
        Path dir = copyOfFixture();
        Path file = dir.resolve("model.safetensors");
        SafetensorsFile in = SafetensorsFile.open(file);
        SafetensorsWriter w = new SafetensorsWriter();
        for (Map.Entry<String, SafetensorsFile.Entry> e : in.entries().entrySet()) {
            float[] v = in.floats(e.getKey(), e.getValue().shape());
            w.add(e.getKey(), DType.BF16, () -> v, e.getValue().shape());
        }
        Path bf = tmp.resolve("bf16.safetensors");
        w.write(bf);
        SafetensorsFile back = SafetensorsFile.open(bf);
        float[] orig = in.floats("shared.weight", 2, 64);
        float[] half = back.floats("shared.weight", 2, 64);
        for (int i = 0; i < orig.length; i++) {
            // bfloat16 keeps the top 16 bits: truncation loses under 2^-7 of the value.
            assertThat(half[i]).isEqualTo(Float.intBitsToFloat(Float.floatToRawIntBits(orig[i]) & 0xffff0000));
            assertThat(Math.abs(half[i] - orig[i])).isLessThanOrEqualTo(Math.abs(orig[i]) / 128);
        }
        assertThat(SafetensorsFile.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(SafetensorsFile.halfToFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(SafetensorsFile.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    }

    @Test
    void publishedShapesGiveThePublishedParameterCounts() throws IOException {
        for (RandomCheckpoint.Preset p : RandomCheckpoint.Preset.values()) {
            assertThat(p.config().parameterCount()).as(p.name()).isEqualTo(p.publishedParameters);
        }
        Path dir = RandomCheckpoint.write(tmp.resolve("tiny"), RandomCheckpoint.Preset.TINY, 1);
        try (ChronosBoltModel m = ChronosBoltModel.open(dir, 1)) {
            assertThat(m.parameters()).isEqualTo(8_652_672L);
            assertThat(m.config().dModel()).isEqualTo(256);
        }
    }
}
