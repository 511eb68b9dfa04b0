package sextant.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import sextant.onnx.ExecutionProvider;
import sextant.onnx.OnnxOptions;

/** The options of the commands that open an ONNX model by its manifest (model-check, bench forecast). */
final class OnnxModelOptions {
    @Option(names = "--model", paramLabel = "MANIFEST.json|DIR", description = "The model's manifest (beside its .onnx file),"
            + " or a Chronos-Bolt checkpoint directory (chronos-bolt:DIR for bench forecast).")
    Path model;

    @Option(names = "--batch", paramLabel = "B", description = "Rows per session run; the last batch is padded (default: ${DEFAULT-VALUE}).")
    int batch = OnnxOptions.DEFAULT_BATCH;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads; 0 = one per core (default: ${DEFAULT-VALUE}).")
    int threads = 0;

    @Option(names = "--provider", paramLabel = "CPU|CUDA", description = "Execution provider (default: ${DEFAULT-VALUE}).")
    ExecutionProvider provider = ExecutionProvider.CPU;

    @Option(names = "--cache", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reuse/write ONNX Runtime's optimised model beside the model (default: on).")
    boolean cache;

    OnnxOptions options() {
        return new OnnxOptions(threads, batch, provider, cache);
    }
}
