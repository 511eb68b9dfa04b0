package sextant.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import sextant.core.forecast.ModelLoadException;

/**
 * SHA-256 of the model file. It names the optimised-model cache entry and goes into the forecaster's parameters
 * key, so re-exporting a model invalidates both the cached graph and stored forecasts.
 */
final class ModelFingerprint {
    private ModelFingerprint() {
    }

    /** The first 16 hex digits of the file's SHA-256 (64 bits: plenty to tell exports apart). */
    static String of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read model file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
