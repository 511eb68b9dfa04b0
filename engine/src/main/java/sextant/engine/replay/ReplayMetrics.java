package sextant.engine.replay;

import java.time.temporal.ChronoUnit;

/**
 * The figures a replay reports, from its equity curve, its round trips and its entries. Pure arithmetic.
 *
 * <p>Definitions: session returns {@code r_i = E_i / E_{i-1} - 1} with {@code E_0} the initial equity. Sharpe is
 * {@code mean(r) / sd(r)} (sample sd) times {@code sqrt(sessions per year)}, where sessions per year is the replay's
 * own count over its calendar span, and no risk-free rate is subtracted. Sortino uses the downside deviation
 * {@code sqrt(mean(min(r, 0)^2))} instead of sd. CAGR compounds over calendar days. The maximum drawdown is the
 * deepest fall of equity below its running peak, its duration the sessions from that peak until equity regained it
 * (or the end). Exposure is the mean gross exposure over equity at the closes; turnover is traded notional over
 * mean equity, per year. Trades are round trips; the hit rate counts those with a positive P&L.
 */
public record ReplayMetrics(int sessions, double totalReturn, double cagr, double sharpe, double sortino,
                            double maxDrawdown, int maxDrawdownSessions, double exposure, double turnover, double fees,
                            int trades, double hitRate, double avgTrade, MeanAndError claimed, MeanAndError realized,
                            MeanAndError claimedMinusRealized, MeanAndError trackRecord, double[] sessionReturns) {

    public static ReplayMetrics of(ReplayRun run) {
        double[] eq = run.equity();
        int n = eq.length;
        double[] r = returns(run.initialEquity(), eq);
        double years = Math.max(1, ChronoUnit.DAYS.between(run.sessions().get(0), run.sessions().get(n - 1)) + 1) / 365.25;
        double perYear = n / years;
        double total = eq[n - 1] / run.initialEquity() - 1;
        double cagr = Math.pow(eq[n - 1] / run.initialEquity(), 1 / years) - 1;
        MeanAndError mr = MeanAndError.of(r);
        double sd = Double.isNaN(mr.se()) ? 0 : mr.se() * Math.sqrt(n);
        double sharpe = sd > 0 ? mr.mean() / sd * Math.sqrt(perYear) : 0;
        double down = 0;
        for (double x : r) {
            down += x < 0 ? x * x : 0;
        }
        down = Math.sqrt(down / n);
        double sortino = down > 0 ? mr.mean() / down * Math.sqrt(perYear) : 0;
        double peak = run.initialEquity();
        int peakAt = -1;
        double maxDd = 0;
        int worstPeakAt = -1;
        int troughAt = -1;
        for (int i = 0; i < n; i++) {
            if (eq[i] >= peak) {
                peak = eq[i];
                peakAt = i;
            }
            double dd = eq[i] / peak - 1;
            if (dd < maxDd) {
                maxDd = dd;
                worstPeakAt = peakAt;
                troughAt = i;
            }
        }
        int ddSessions = 0;
        if (maxDd < 0) {
            double worstPeak = worstPeakAt < 0 ? run.initialEquity() : eq[worstPeakAt];
            int end = n - 1;
            for (int i = troughAt + 1; i < n; i++) {
                if (eq[i] >= worstPeak) {
                    end = i;
                    break;
                }
            }
            ddSessions = end - worstPeakAt;
        }
        double exposure = 0;
        double meanEquity = 0;
        for (int i = 0; i < n; i++) {
            exposure += run.grossExposure()[i];
            meanEquity += eq[i];
        }
        exposure /= n;
        meanEquity /= n;
        double turnover = run.tradedNotional() / meanEquity / years;
        int closed = 0;
        int wins = 0;
        double sumRet = 0;
        for (RoundTrip t : run.trades()) {
            closed++;
            wins += t.pnl() > 0 ? 1 : 0;
            sumRet += t.returnOnNotional();
        }
        MeanAndError claimed = MeanAndError.of(run.entries(), EntryOutcome::claimed);
        MeanAndError realized = MeanAndError.of(run.entries(), EntryOutcome::realized);
        MeanAndError gap = MeanAndError.of(run.entries(), e -> e.claimed() - e.realized());
        MeanAndError record = MeanAndError.of(run.entries().stream().filter(e -> Double.isFinite(e.trackRecord()))
                .toList(), EntryOutcome::trackRecord);
        return new ReplayMetrics(n, total, cagr, sharpe, sortino, maxDd, ddSessions, exposure, turnover, run.fees(),
                closed, closed == 0 ? 0 : (double) wins / closed, closed == 0 ? 0 : sumRet / closed, claimed, realized,
                gap, record, r);
    }

    static double[] returns(double initial, double[] eq) {
        double[] r = new double[eq.length];
        double prev = initial;
        for (int i = 0; i < eq.length; i++) {
            r[i] = eq[i] / prev - 1;
            prev = eq[i];
        }
        return r;
    }

    /** Mean and SE of the session-by-session difference of two replays' returns over the same sessions. */
    public static MeanAndError difference(ReplayMetrics a, ReplayMetrics b) {
        int n = Math.min(a.sessionReturns.length, b.sessionReturns.length);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a.sessionReturns[i] - b.sessionReturns[i];
        }
        return MeanAndError.of(d);
    }
}
