package sextant.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import sextant.engine.replay.ReplayDriver;
import sextant.engine.replay.ReplayRun;
import sextant.paper.PaperConfig;

/**
 * The realism gate: the same replay under harsher fills, fees and decision lag, to see whether what it earns survives
 * them. Each cell is a full replay; its equity curve is cut into every window of {@code window} sessions (rolling,
 * one session apart), and the cell reports the median and 10th-percentile window return and how many windows lost.
 * Cells run in parallel, one engine thread each.
 */
final class RealismGate {
    static final double[] SLIPPAGE_BPS = {0, 5, 10, 20};
    static final double[] FEE_MULTIPLIERS = {1, 2};
    static final int[] LAGS = {0, 1};

    record Cell(double slippageBps, double feeMultiplier, int lag, int windows, double medianReturn, double p10Return,
                int negativeWindows, double totalReturn) {
    }

    private RealismGate() {
    }

    static List<Cell> run(ReplayRunner runner, PaperConfig base, int window, int parallelism) {
        int sessions = runner.sessions().size();
        if (window < 2 || window > sessions) {
            throw new ConfigException("--window " + window + " must be between 2 and the " + sessions
                    + " sessions of the range");
        }
        List<double[]> specs = new ArrayList<>();
        for (int lag : LAGS) {
            for (double fee : FEE_MULTIPLIERS) {
                for (double slip : SLIPPAGE_BPS) {
                    specs.add(new double[] {slip, fee, lag});
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "sextant-gate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Cell>> futures = new ArrayList<>();
            for (double[] sp : specs) {
                futures.add(pool.submit(() -> cell(runner, base, window, sp[0], sp[1], (int) sp[2])));
            }
            List<Cell> out = new ArrayList<>();
            for (Future<Cell> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c.getMessage(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the realism gate was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Cell cell(ReplayRunner runner, PaperConfig base, int window, double slip, double feeMult, int lag) {
        PaperConfig paper = new PaperConfig(base.initialCash(), base.stockFeeRate() * feeMult,
                base.cryptoFeeRate() * feeMult, base.maxLeverage(), slip, base.partialFills(), base.pendingCancels());
        String name = String.format(java.util.Locale.ROOT, "gate/slip%02d-fee%dx-lag%d", (int) slip, (int) feeMult, lag);
        ReplayRun run = runner.run(new ReplayVariant(name, ReplayVariant.Forecast.MODEL, paper, lag, 1),
                ReplayDriver.Progress.NONE);
        double[] r = windowReturns(run.initialEquity(), run.equity(), window);
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        int negative = 0;
        for (double x : r) {
            negative += x < 0 ? 1 : 0;
        }
        return new Cell(slip, feeMult, lag, r.length, quantile(sorted, 0.5), quantile(sorted, 0.1), negative,
                run.equity()[run.equity().length - 1] / run.initialEquity() - 1);
    }

    /** Returns of every window of {@code w} sessions: equity at its last close over equity before its first session. */
    static double[] windowReturns(double initial, double[] equity, int w) {
        int n = equity.length - w + 1;
        double[] out = new double[Math.max(0, n)];
        for (int i = 0; i < out.length; i++) {
            double start = i == 0 ? initial : equity[i - 1];
            out[i] = equity[i + w - 1] / start - 1;
        }
        return out;
    }

    /** Linear-interpolated quantile of sorted values (numpy's default). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
