package sextant.core.strategy;

import java.util.ArrayList;
import java.util.List;
import sextant.core.optimize.EntryExitOptimizer;

/**
 * The per-window workload the original runs (anchor-spec §5.4.4-5.4.5): MaxDiff and MaxDiffAlwaysOn, each with the
 * multiplier search over both close-at-EOD flags, on many synthetic windows. Used by {@code sextant bench
 * strategies} and the JMH benchmarks. Immutable after construction; every thread passes its own optimiser.
 */
public final class WindowBenchmark {
    /** Bars per synthetic symbol; windows slide over it. */
    static final int BARS = 1024;

    private final int days;
    private final List<MaxDiff> maxDiffs = new ArrayList<>();
    private final List<MaxDiffAlwaysOn> alwaysOns = new ArrayList<>();
    private final int windowsPerSymbol;

    /** Builds the inputs (not timed). Half the symbols are crypto (long-only), like a mixed universe. */
    public WindowBenchmark(int symbols, int days, long seed) {
        if (days < 1 || days >= BARS - 2) {
            throw new IllegalArgumentException("days must be in [1, " + (BARS - 3) + "]");
        }
        this.days = days;
        this.windowsPerSymbol = BARS - 1 - days;
        for (int s = 0; s < symbols; s++) {
            BandSeries b = SyntheticBands.generate(seed + s, BARS).bands();
            boolean crypto = s % 2 == 1;
            maxDiffs.add(new MaxDiff(b, crypto, crypto ? 0.001 : 0.0005, crypto ? 365 : 252));
            alwaysOns.add(new MaxDiffAlwaysOn(b, crypto, crypto ? 0.001 : 0.0005, crypto ? 365 : 252));
        }
    }

    public int days() {
        return days;
    }

    /**
     * Evaluates windows [first, first + count) (window i = symbol i mod S, offset i / S); returns a checksum of the
     * reported totals so the work cannot be optimised away.
     */
    public double evaluate(long first, long count, EntryExitOptimizer optimizer) {
        double sum = 0;
        int symbols = maxDiffs.size();
        for (long i = first; i < first + count; i++) {
            int s = (int) (i % symbols);
            int from = 1 + (int) ((i / symbols) % windowsPerSymbol);
            sum += maxDiffs.get(s).evaluate(from, from + days, optimizer).blendedReturn();
            sum += alwaysOns.get(s).evaluate(from, from + days, optimizer).blendedReturn();
        }
        return sum;
    }
}
