package sextant.onnx;

/**
 * How to run an ONNX forecaster.
 *
 * @param intraOpThreads threads ONNX Runtime uses inside one operator; 0 lets ONNX Runtime choose (one per core)
 * @param batchSize      rows per session run; every batch is padded to this size so the session sees one shape
 * @param provider       CPU (default) or CUDA; CUDA falls back to CPU with a note when it is not available
 * @param optimizedModelCache persist ONNX Runtime's optimised graph and reuse it on the next start
 */
public record OnnxOptions(int intraOpThreads, int batchSize, ExecutionProvider provider, boolean optimizedModelCache) {
    public static final int DEFAULT_BATCH = 256;

    public OnnxOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0 (0 = one per core), got " + intraOpThreads);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (provider == null) {
            throw new IllegalArgumentException("execution provider must be CPU or CUDA");
        }
    }

    /** CPU, ONNX Runtime's thread default, batches of {@value #DEFAULT_BATCH}, cache on. */
    public static OnnxOptions defaults() {
        return new OnnxOptions(0, DEFAULT_BATCH, ExecutionProvider.CPU, true);
    }

    public OnnxOptions withIntraOpThreads(int n) {
        return new OnnxOptions(n, batchSize, provider, optimizedModelCache);
    }

    public OnnxOptions withBatchSize(int n) {
        return new OnnxOptions(intraOpThreads, n, provider, optimizedModelCache);
    }

    public OnnxOptions withProvider(ExecutionProvider p) {
        return new OnnxOptions(intraOpThreads, batchSize, p, optimizedModelCache);
    }

    public OnnxOptions withOptimizedModelCache(boolean on) {
        return new OnnxOptions(intraOpThreads, batchSize, provider, on);
    }
}
