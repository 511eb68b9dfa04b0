package sextant.core.backtest;

import org.jspecify.annotations.Nullable;
import sextant.core.order.Side;
import sextant.core.strategy.BandSeries;
import sextant.core.strategy.EntryExitKernel;
import sextant.core.strategy.MaxDiff;

/**
 * Next-bar plans (what each strategy would do on bar N), priced from the previous close C_{N-1} exactly as the
 * backtest evaluated the bands, so live orders and backtested fills agree.
 *
 * <p><b>Deliberate difference from the original (W-6):</b> the original fits MaxDiff multipliers additively on
 * returns but prices orders multiplicatively ({@code predicted_high x (1 + m_h)}). Here the order prices are
 * {@code C_{N-1} x (1 + clip(band + m))}, the same expression the kernel evaluated.
 */
final class Plans {
    private Plans() {
    }

    static @Nullable String missingForecast(BandSeries b, int n) {
        return b.usable(n) ? null : "no forecast for the next bar";
    }

    /** MaxDiff: direction rule on bar N; buy: entry at the low band, take-profit at the high band; sell mirrored. */
    static NextBarPlan maxDiff(BandSeries b, MaxDiff md, int n, boolean closeAtEod, double mh, double ml) {
        String missing = missingForecast(b, n);
        if (missing != null) {
            return NextBarPlan.none(missing);
        }
        double hp = b.highPredicted()[n];
        double lp = b.lowPredicted()[n];
        if (!MaxDiff.isValid(hp, lp)) {
            return NextBarPlan.none("invalid forecast band: predicted low >= predicted high");
        }
        int w = md.direction(n);
        if (w == 0) {
            return NextBarPlan.none("long-only (crypto, or an account that cannot short) and the forecast favours a short");
        }
        double prev = b.close(n - 1);
        double low = prev * (1 + EntryExitKernel.clampLow(lp + ml));
        double high = prev * (1 + EntryExitKernel.clampHigh(hp + mh));
        return w > 0
                ? new NextBarPlan(Side.BUY, low, high, closeAtEod, mh, ml, "maxdiff long")
                : new NextBarPlan(Side.SELL, high, low, closeAtEod, mh, ml, "maxdiff short");
    }

    /** AlwaysOn holds both legs; the plan carries the buy leg (entry at the low band, take-profit at the high). */
    static NextBarPlan alwaysOn(BandSeries b, int n, boolean closeAtEod, double mh, double ml) {
        String missing = missingForecast(b, n);
        if (missing != null) {
            return NextBarPlan.none(missing);
        }
        double prev = b.close(n - 1);
        double low = prev * (1 + EntryExitKernel.clampLow(b.lowPredicted()[n] + ml));
        double high = prev * (1 + EntryExitKernel.clampHigh(b.highPredicted()[n] + mh));
        return new NextBarPlan(Side.BUY, low, high, closeAtEod, mh, ml, "maxdiffalwayson buy leg (sell leg mirrored)");
    }

    /** A market entry at the open, held to the close. */
    static NextBarPlan atMarket(double signal, String what) {
        if (signal > 0) {
            return new NextBarPlan(Side.BUY, Double.NaN, Double.NaN, true, 0, 0, what + " long");
        }
        if (signal < 0) {
            return new NextBarPlan(Side.SELL, Double.NaN, Double.NaN, true, 0, 0, what + " short");
        }
        return NextBarPlan.none(what + ": flat signal");
    }
}
