package sextant.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import sextant.chronos.ChronosBoltModel;
import sextant.chronos.GoldenCases;
import sextant.core.forecast.ModelLoadException;

/** {@code model-check --model DIR --golden cases.json} for a Chronos-Bolt checkpoint directory. */
final class ChronosCheck {
    private ChronosCheck() {
    }

    static boolean isCheckpoint(Path model) {
        Path dir = strip(model);
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("config.json"));
    }

    /** Accepts {@code chronos-bolt:DIR} as well as DIR. */
    static Path strip(Path model) {
        String s = model.toString();
        return s.startsWith(ChronosModels.PREFIX) ? Path.of(s.substring(ChronosModels.PREFIX.length())) : model;
    }

    static int run(Path model, Path golden, int threads, PrintWriter out, PrintWriter err) {
        try (ChronosBoltModel m = ChronosBoltModel.open(strip(model), threads)) {
            GoldenCases.Result r = GoldenCases.check(m, golden);
            String summary = String.format(Locale.ROOT,
                    "model-check %s: %d case(s), %d values, worst %.4f of the tolerance at %s (max abs diff %.3e; rule |d| <= rtol*(max(1,max|row|)+|x|), rtol %.0e); %s kernels",
                    strip(model), r.cases(), r.values(), r.worstRatio(), r.worstAt(), r.maxAbsDiff(), r.rtol(), m.kernels());
            out.println(summary + (r.passed() ? ": OK" : ": FAILED"));
            out.flush();
            if (!r.passed()) {
                err.println(String.format(Locale.ROOT, "error: model-check failed: %s differs from %s by %.2f times the tolerance at %s",
                        strip(model), golden, r.worstRatio(), r.worstAt()));
                err.flush();
                return Main.EXIT_FAILURE;
            }
            return Main.EXIT_OK;
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
    }
}
