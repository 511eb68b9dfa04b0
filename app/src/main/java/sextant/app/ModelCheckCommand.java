package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sextant.onnx.GoldenCase;
import sextant.onnx.GoldenCheck;
import sextant.onnx.QuantileModel;

/**
 * Checks an exported model against reference outputs (e.g. from PyTorch) through Sextant's own loading, NaN
 * left-padding and fixed-size batching, so a pass means the cycle will see the same numbers.
 */
@Command(name = "model-check", mixinStandardHelpOptions = true,
        description = "Run an ONNX model on a golden input and compare with the reference output.")
final class ModelCheckCommand implements Callable<Integer> {
    @Mixin
    Terminal terminal;

    @Mixin
    OnnxModelOptions onnx;

    @Option(names = "--golden", required = true, paramLabel = "GOLDEN.json",
            description = "Reference case: input_shape, input (null = NaN), output_shape, output, tolerance_abs;"
                    + " for a Chronos-Bolt checkpoint, its parity file (cases.json).")
    Path golden;

    @Override
    public Integer call() {
        if (onnx.model == null) {
            return terminal.fail(Main.EXIT_USAGE, "--model is required (an ONNX manifest or a Chronos-Bolt checkpoint directory)");
        }
        PrintWriter out = terminal.out();
        PrintWriter err = terminal.err();
        if (ChronosCheck.isCheckpoint(onnx.model)) {
            return ChronosCheck.run(onnx.model, golden, onnx.threads, out, err);
        }
        if (onnx.batch < 1 || onnx.threads < 0) {
            return terminal.fail(Main.EXIT_USAGE, "--batch must be >= 1 and --threads >= 0");
        }
        GoldenCase reference = GoldenCase.read(golden);
        try (QuantileModel m = QuantileModel.open(onnx.model, onnx.options())) {
            for (String note : m.notes()) {
                err.println("note: " + note);
            }
            GoldenCheck.Result r = GoldenCheck.run(m, reference);
            String summary = String.format(Locale.ROOT,
                    "model-check %s: %d values, max abs diff %.3e at %s (tolerance %.1e); %d run(s) of batch %d, %d padded row(s), %s",
                    m.manifest().name(), r.values(), r.maxAbsDiff(), r.worstAt(), r.tolerance(), r.runs(), m.batchSize(), r.paddedRows(),
                    m.provider());
            if (r.passed()) {
                out.println(summary + ": OK");
                out.flush();
                return Main.EXIT_OK;
            }
            out.println(summary + ": FAILED");
            out.flush();
            err.println(String.format(Locale.ROOT, "error: model-check failed: max abs diff %.3e at %s exceeds tolerance %.1e of %s;"
                    + " the exported model does not reproduce its reference outputs", r.maxAbsDiff(), r.worstAt(), r.tolerance(), golden));
            err.flush();
            return Main.EXIT_FAILURE;
        }
    }
}
