package sextant.onnx;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Where ONNX Runtime's optimised graph is kept between starts (ONNX Runtime's counterpart of a kernel cache).
 *
 * <p>The entry sits beside the model; its name carries the model's fingerprint, the execution provider, the
 * ONNX Runtime version and the CPU architecture, so a re-exported model, another provider or an upgrade never
 * reuses a stale graph. When the model's directory is not writable the entry goes to
 * {@code java.io.tmpdir/sextant-ort-cache}; when that fails too, caching is skipped and the caller says so.
 * ONNX Runtime writes to a temporary name that is moved into place only after the session was created, so a
 * crash never leaves a half-written entry that a later start would trust.
 */
final class OptimizedModelCache {
    private final Path modelDir;
    private final Path fallbackDir;
    private final String entryName;
    private final Predicate<Path> writable;

    OptimizedModelCache(Path model, String fingerprint, ExecutionProvider provider, String ortVersion) {
        this(model, fingerprint, provider, ortVersion, Path.of(System.getProperty("java.io.tmpdir"), "sextant-ort-cache"),
                OptimizedModelCache::canWrite);
    }

    OptimizedModelCache(Path model, String fingerprint, ExecutionProvider provider, String ortVersion, Path fallbackDir,
                        Predicate<Path> writable) {
        Path abs = model.toAbsolutePath();
        this.modelDir = Objects.requireNonNull(abs.getParent()); // an absolute path to a file has a parent
        this.fallbackDir = fallbackDir;
        this.writable = writable;
        String arch = System.getProperty("os.arch", "unknown").replaceAll("[^A-Za-z0-9_]", "");
        this.entryName = abs.getFileName() + "." + fingerprint + "." + provider.name().toLowerCase(Locale.ROOT)
                + "-ort" + ortVersion.replaceAll("[^0-9.]", "") + "-" + arch + ".opt.onnx";
    }

    String entryName() {
        return entryName;
    }

    /** An existing entry beside the model or in the fallback directory, or null. */
    @Nullable Path find() {
        Path beside = modelDir.resolve(entryName);
        if (Files.isRegularFile(beside)) {
            return beside;
        }
        Path fallback = fallbackDir.resolve(entryName);
        return Files.isRegularFile(fallback) ? fallback : null;
    }

    /** Where a new entry should go: beside the model if writable, else the fallback directory, else null. */
    @Nullable Path target() {
        if (writable.test(modelDir)) {
            return modelDir.resolve(entryName);
        }
        try {
            Files.createDirectories(fallbackDir);
        } catch (IOException e) {
            return null;
        }
        return writable.test(fallbackDir) ? fallbackDir.resolve(entryName) : null;
    }

    /** The temporary name ONNX Runtime writes to before {@link #commit}. */
    static Path temporaryFor(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    }

    /** Moves a fully written entry into place; returns false (and cleans up) when that fails. */
    static boolean commit(Path temporary, Path target) {
        try {
            if (!Files.isRegularFile(temporary) || Files.size(temporary) == 0) {
                Files.deleteIfExists(temporary);
                return false;
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Best effort: a stray temporary file is harmless, it is never read.
            }
            return false;
        }
    }

    /** A real probe: root ignores permission bits, and read-only mounts only show up on an actual write. */
    static boolean canWrite(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".sextant-probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
