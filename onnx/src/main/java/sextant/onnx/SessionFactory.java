package sextant.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import sextant.core.forecast.ModelLoadException;

/**
 * Creates the ONNX Runtime session: picks the execution provider (CUDA only when asked for and present, otherwise
 * CPU with a note), applies the thread count, and goes through the optimised-model cache.
 *
 * <p>Graph optimisation runs at the EXTENDED level (operator fusions, portable across machines of the same
 * architecture) and the cached graph is loaded with optimisation off, so cold and warm starts execute exactly the
 * same graph and give bit-identical forecasts. The ALL level would add CPU-specific layouts that ONNX Runtime
 * warns must not be reused on another machine.
 */
final class SessionFactory {
    static final OptLevel OPTIMISATION = OptLevel.EXTENDED_OPT;

    /** The session plus what it took and what the user should be told. */
    record Created(OrtEnvironment env, OrtSession session, ExecutionProvider provider, CacheStatus cache,
                   @Nullable Path cacheEntry, String fingerprint, List<String> notes, long runtimeInitMillis, long sessionCreateMillis) {
    }

    private final Supplier<EnumSet<OrtProvider>> availableProviders;

    SessionFactory() {
        this(OrtEnvironment::getAvailableProviders);
    }

    /** Tests pass a provider list to exercise the CUDA paths on a CPU-only machine. */
    SessionFactory(Supplier<EnumSet<OrtProvider>> availableProviders) {
        this.availableProviders = availableProviders;
    }

    Created create(ModelManifest manifest, OnnxOptions options) {
        return create(manifest, options, null);
    }

    /** {@code cache} may be given by tests (fallback directory, writability); null builds the default one. */
    Created create(ModelManifest manifest, OnnxOptions options, @Nullable OptimizedModelCache cache) {
        List<String> notes = new ArrayList<>();
        long t0 = System.nanoTime();
        OrtEnvironment env;
        try {
            env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "sextant");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ModelLoadException("cannot start ONNX Runtime on this machine (" + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + "): " + e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        String fingerprint = ModelFingerprint.of(manifest.modelPath());
        ExecutionProvider provider = chooseProvider(options.provider(), notes);
        Attempt attempt = null;
        if (provider == ExecutionProvider.CUDA) {
            try {
                attempt = open(env, manifest, options, provider, fingerprint, cache, notes);
            } catch (OrtException | RuntimeException e) {
                notes.add("CUDA execution provider failed to start (" + oneLine(e) + "); falling back to CPU. "
                        + "CUDA needs the host's CUDA 12 and cuDNN 9 libraries.");
                provider = ExecutionProvider.CPU;
            }
        }
        if (attempt == null) {
            try {
                attempt = open(env, manifest, options, provider, fingerprint, cache, notes);
            } catch (OrtException e) {
                throw new ModelLoadException(manifest.modelPath() + ": ONNX Runtime cannot load the model: " + oneLine(e), e);
            }
        }
        long t2 = System.nanoTime();
        return new Created(env, attempt.session, provider, attempt.status, attempt.entry, fingerprint, List.copyOf(notes),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    private ExecutionProvider chooseProvider(ExecutionProvider wanted, List<String> notes) {
        if (wanted != ExecutionProvider.CUDA) {
            return ExecutionProvider.CPU;
        }
        EnumSet<OrtProvider> available = availableProviders.get();
        if (!available.contains(OrtProvider.CUDA)) {
            notes.add("CUDA execution provider requested but this ONNX Runtime build offers only " + available
                    + "; running on CPU (build with -Ponnx-gpu for the onnxruntime_gpu artifact)");
            return ExecutionProvider.CPU;
        }
        return ExecutionProvider.CUDA;
    }

    private record Attempt(OrtSession session, CacheStatus status, @Nullable Path entry) {
    }

    private Attempt open(OrtEnvironment env, ModelManifest manifest, OnnxOptions options, ExecutionProvider provider,
                         String fingerprint, @Nullable OptimizedModelCache givenCache, List<String> notes) throws OrtException {
        String model = manifest.modelPath().toString();
        if (!options.optimizedModelCache()) {
            try (SessionOptions so = baseOptions(options, provider, OPTIMISATION)) {
                return new Attempt(env.createSession(model, so), CacheStatus.OFF, null);
            }
        }
        OptimizedModelCache cache = givenCache != null ? givenCache
                : new OptimizedModelCache(manifest.modelPath(), fingerprint, provider, env.getVersion());
        Path hit = cache.find();
        if (hit != null) {
            try (SessionOptions so = baseOptions(options, provider, OptLevel.NO_OPT)) {
                return new Attempt(env.createSession(hit.toString(), so), CacheStatus.HIT, hit);
            } catch (OrtException e) {
                notes.add("ignoring unreadable optimised-model cache " + hit + " (" + oneLine(e) + "); optimising again");
            }
        }
        Path target = cache.target();
        if (target == null) {
            notes.add("optimised-model cache skipped: neither " + manifest.modelPath().toAbsolutePath().getParent()
                    + " nor the temp directory is writable; every start will optimise the model again");
            try (SessionOptions so = baseOptions(options, provider, OPTIMISATION)) {
                return new Attempt(env.createSession(model, so), CacheStatus.SKIPPED, null);
            }
        }
        if (!Objects.equals(target.getParent(), manifest.modelPath().toAbsolutePath().getParent())) {
            notes.add("model directory is not writable; optimised-model cache goes to " + target.getParent());
        }
        Path temporary = OptimizedModelCache.temporaryFor(target);
        OrtSession session;
        try (SessionOptions so = baseOptions(options, provider, OPTIMISATION)) {
            so.setOptimizedModelFilePath(temporary.toString());
            session = env.createSession(model, so);
        } catch (OrtException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
        if (OptimizedModelCache.commit(temporary, target)) {
            return new Attempt(session, CacheStatus.WRITTEN, target);
        }
        notes.add("optimised-model cache could not be written to " + target + "; next start will optimise again");
        return new Attempt(session, CacheStatus.SKIPPED, null);
    }

    private static SessionOptions baseOptions(OnnxOptions options, ExecutionProvider provider, OptLevel level) throws OrtException {
        SessionOptions so = new SessionOptions();
        try {
            so.setOptimizationLevel(level);
            so.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setInterOpNumThreads(1);
            so.setIntraOpNumThreads(options.intraOpThreads());
            // Forecasts are cached by parameters key, so the same input must give the same bits every run.
            so.setDeterministicCompute(true);
            if (provider == ExecutionProvider.CUDA) {
                so.addCUDA(0);
            }
            return so;
        } catch (OrtException | RuntimeException e) {
            so.close();
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // A stray temporary file is never read; nothing to do.
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').trim();
    }
}
