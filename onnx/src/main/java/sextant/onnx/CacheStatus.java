package sextant.onnx;

/** What the optimised-model cache did when the session was created. */
public enum CacheStatus {
    /** Caching was switched off in the options. */
    OFF,
    /** A cached optimised graph was loaded (warm start: graph optimisation skipped). */
    HIT,
    /** No cached graph existed; the session optimised the model and wrote the cache (cold start). */
    WRITTEN,
    /** No cached graph existed and none could be written (no writable directory); see the notes. */
    SKIPPED
}
