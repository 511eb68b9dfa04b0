package sextant.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import sextant.core.market.AssetClass;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.market.Quote;
import sextant.core.port.MarketData;

/**
 * A seeded synthetic market that needs no network: the embedded default data source.
 *
 * <p>Daily log-returns follow a GARCH(1,1) process with Student-t (4 degrees of freedom) innovations, which gives
 * volatility clustering and fat tails. Each bar has an overnight gap (open vs previous close) and an intraday move;
 * high and low extend beyond max/min(open, close) by a half-normal excursion, so
 * high &ge; max(open, close) &ge; min(open, close) &ge; low always holds. Stocks trade on weekdays only, crypto
 * every day.
 *
 * <p>The default universe's symbols trade near documented reference levels (roughly their real 2025 prices) with
 * a volatility typical of their kind of asset, index fund to alt coin (see {@link ReferenceLevels}); any other
 * symbol gets a seeded level and volatility.
 *
 * <p>Bars are generated from a fixed start date, so a symbol's bar for a given date is the same whatever range is
 * asked for and however often: re-running a cycle sees identical history, and tomorrow's cycle sees one more bar.
 */
public final class SyntheticMarket implements MarketData {
    /** First generated bar date. */
    public static final LocalDate START = LocalDate.of(2016, 1, 1);

    private final long seed;
    private final ConcurrentHashMap<Instrument, BarSeries> generated = new ConcurrentHashMap<>();

    public SyntheticMarket(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    @Override
    public BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to) {
        BarSeries all = generated.compute(instrument, (k, have) ->
                have != null && !have.isEmpty() && !have.lastDate().isBefore(to) ? have : generate(k, to));
        int a = all.indexOnOrAfter(from);
        int b = all.indexOnOrAfter(to.plusDays(1));
        return all.slice(a, b);
    }

    @Override
    public Optional<Quote> latestQuote(Instrument instrument) {
        BarSeries recent = generated.get(instrument);
        if (recent == null || recent.isEmpty()) {
            return Optional.empty();
        }
        double last = recent.close()[recent.size() - 1];
        double halfSpread = instrument.isCrypto() ? 0.0005 : 0.0001;
        Instant at = recent.lastDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Optional.of(new Quote(instrument, last * (1 - halfSpread), last * (1 + halfSpread), at));
    }

    @Override
    public String describe() {
        return "synthetic:seed=" + seed;
    }

    /**
     * Generates every bar from {@link #START} to {@code to} (a little past it, to amortise regeneration, and at
     * least to {@link ReferenceLevels#ANCHOR}, so that a referenced symbol's scale never depends on the range).
     */
    BarSeries generate(Instrument instrument, LocalDate to) {
        boolean crypto = instrument.assetClass() == AssetClass.CRYPTO;
        LocalDate end = to.plusDays(31);
        Optional<ReferenceLevels.Reference> reference = ReferenceLevels.of(instrument.symbol());
        if (reference.isPresent() && end.isBefore(ReferenceLevels.ANCHOR)) {
            end = ReferenceLevels.ANCHOR;
        }

        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ stableHash(instrument.symbol()));
        // Long-run daily volatility: the reference kind's range (see ReferenceLevels), else 1.2%..2.8% for stocks
        // and 2.5%..5.5% for crypto.
        double volDraw = rnd.nextDouble();
        double longRunVol = reference.map(r -> r.kind().vol(volDraw))
                .orElse(crypto ? 0.025 + 0.03 * volDraw : 0.012 + 0.016 * volDraw);
        double alpha = 0.08;
        double beta = 0.90;
        double omega = longRunVol * longRunVol * (1 - alpha - beta);
        double drift = (rnd.nextDouble() - 0.45) * 0.0006;
        // Start prices of other symbols: log-uniform $1..$50,000 for crypto, $10..$500 for stocks. A referenced
        // symbol is rescaled below, so its start price only sets the path's shape.
        double price = crypto ? Math.exp(rnd.nextDouble() * Math.log(50_000)) : 10 + rnd.nextDouble() * 490;
        double baseVolume = crypto ? 1e5 + rnd.nextDouble() * 1e7 : 5e5 + rnd.nextDouble() * 2e7;
        double variance = longRunVol * longRunVol;
        double shock = 0;

        int capacity = (int) (end.toEpochDay() - START.toEpochDay() + 1);
        int[] days = new int[capacity];
        double[][] ohlcv = new double[5][capacity];
        int n = 0;
        int anchorIndex = -1;
        int anchorDay = (int) ReferenceLevels.ANCHOR.toEpochDay();
        for (LocalDate d = START; !d.isAfter(end); d = d.plusDays(1)) {
            if (!crypto && (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY)) {
                continue;
            }
            variance = omega + alpha * shock * shock + beta * variance;
            double sigma = Math.sqrt(variance);
            shock = sigma * studentT4(rnd);
            // Split the day's move into an overnight gap (30 % of variance) and the session (70 %).
            double gap = crypto ? 0 : shock * Math.sqrt(0.3);
            double session = shock - gap;
            double open = price * Math.exp(gap + drift * 0.3);
            double close = open * Math.exp(session + drift * 0.7);
            double top = Math.max(open, close);
            double bottom = Math.min(open, close);
            double high = top * Math.exp(Math.abs(rnd.nextGaussian()) * sigma * 0.5);
            double low = bottom * Math.exp(-Math.abs(rnd.nextGaussian()) * sigma * 0.5);
            double volume = Math.floor(baseVolume * Math.exp(0.4 * rnd.nextGaussian()) * (1 + 20 * Math.abs(shock)));
            days[n] = (int) d.toEpochDay();
            ohlcv[0][n] = open;
            ohlcv[1][n] = high;
            ohlcv[2][n] = low;
            ohlcv[3][n] = close;
            ohlcv[4][n] = volume;
            if (days[n] <= anchorDay) {
                anchorIndex = n;
            }
            n++;
            price = close;
        }
        // A multiplicative rescale keeps every return, range and bar relation exactly as generated.
        double scale = reference.isPresent() ? reference.get().level() / ohlcv[3][anchorIndex] : 1.0;
        BarSeries.Builder bars = BarSeries.builder(instrument);
        for (int i = 0; i < n; i++) {
            bars.add(days[i], ohlcv[0][i] * scale, ohlcv[1][i] * scale, ohlcv[2][i] * scale, ohlcv[3][i] * scale,
                    ohlcv[4][i]);
        }
        return bars.build();
    }

    /** Student-t with 4 degrees of freedom, scaled to unit variance (variance of t4 is 2). */
    private static double studentT4(SplittableRandom rnd) {
        double z = rnd.nextGaussian();
        double chi2 = 0;
        for (int i = 0; i < 4; i++) {
            double g = rnd.nextGaussian();
            chi2 += g * g;
        }
        return z / Math.sqrt(chi2 / 4) / Math.sqrt(2);
    }

    /** String.hashCode is specified, so seeds are stable across JVMs; spread it over 64 bits. */
    private static long stableHash(String s) {
        long h = s.hashCode();
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
