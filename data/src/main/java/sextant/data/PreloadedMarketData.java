package sextant.data;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketData;

/**
 * Bars loaded once and served from memory: what {@code sextant replay} gives the engine and the paper broker, so that
 * a replay over hundreds of sessions reads each file (or asks Alpaca) once, not once per session. Requests outside
 * the loaded range see only the loaded bars. Thread-safe.
 */
public final class PreloadedMarketData implements MarketData {
    private final MarketData source;
    private final LocalDate from;
    private final LocalDate to;
    private final Map<Instrument, BarSeries> loaded = new ConcurrentHashMap<>();

    private PreloadedMarketData(MarketData source, LocalDate from, LocalDate to) {
        this.source = source;
        this.from = from;
        this.to = to;
    }

    /** Loads every instrument's bars in [from, to] now (errors surface per symbol when they are asked for). */
    public static PreloadedMarketData load(MarketData source, Collection<Instrument> instruments, LocalDate from,
                                           LocalDate to) {
        PreloadedMarketData d = new PreloadedMarketData(source, from, to);
        for (Instrument i : instruments) {
            try {
                d.series(i);
            } catch (RuntimeException e) {
                // Left unloaded: the same error is raised, for that symbol only, when a cycle asks for its bars.
            }
        }
        return d;
    }

    /** Every bar of the loaded range. */
    public BarSeries series(Instrument instrument) {
        BarSeries s = loaded.get(instrument);
        if (s == null) {
            s = source.dailyBars(instrument, from, to);
            loaded.put(instrument, s);
        }
        return s;
    }

    @Override
    public BarSeries dailyBars(Instrument instrument, LocalDate start, LocalDate end) {
        BarSeries s = series(instrument);
        int a = s.indexOnOrAfter(start);
        int b = s.indexOnOrAfter(end.plusDays(1));
        return a == 0 && b == s.size() ? s : s.slice(a, Math.max(a, b));
    }

    @Override
    public String describe() {
        return source.describe();
    }
}
