package sextant.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import sextant.core.market.BarSeries;
import sextant.core.market.DataFinding;
import sextant.core.market.DataRule;
import sextant.core.market.Instrument;
import sextant.core.market.Quote;
import sextant.core.port.MarketData;

/**
 * Bars cached in SQLite, keyed by symbol and date. For each symbol the cache remembers which date range it has
 * received from which source (through the newest bar delivered); a request inside that range is served locally,
 * and a request that extends past it fetches only the newer days plus a short overlap that detects restated
 * history. A different source (say, switching from synthetic to Alpaca) starts over.
 */
public final class CachedMarketData implements MarketData {
    private final MarketData upstream;
    private final Database db;
    private final String source;
    private final List<DataFinding> findings = new ArrayList<>();
    /** Calendar days of cached bars that every tail fetch loads again, to notice restated history. */
    static final int OVERLAP_DAYS = 7;
    /** Relative difference beyond which a re-loaded bar is restated rather than rounded differently. */
    static final double RESTATED_TOLERANCE = 2e-4;

    public CachedMarketData(MarketData upstream, Database db) {
        this.upstream = upstream;
        this.db = db;
        this.source = upstream.describe();
    }

    @Override
    public BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to) {
        // The batch answers every instrument it was asked for.
        return Objects.requireNonNull(dailyBars(List.of(instrument), from, to).get(instrument));
    }

    /**
     * Serves what the cache covers, and fetches the rest from upstream grouped by the first missing day, so a
     * batching source (Alpaca) gets one multi-symbol request per group instead of one per symbol.
     *
     * <p>Coverage ends at the newest bar the source actually returned, never at the day that was asked for: days
     * asked for but not delivered (a stale file, a source not yet published) are asked for again next time. A tail
     * fetch re-reads the last {@value #OVERLAP_DAYS} cached days too; if the source now gives any of them
     * differently beyond rounding ({@value #RESTATED_TOLERANCE} relative), history was restated (a split or an
     * adjustment applied later): the symbol's cache is reloaded from the source and a {@code restated} finding is
     * reported through {@link #takeFindings()}.
     */
    @Override
    public Map<Instrument, BarSeries> dailyBars(List<Instrument> instruments, LocalDate from, LocalDate to) {
        int fromDay = (int) from.toEpochDay();
        int toDay = (int) to.toEpochDay();
        Map<Instrument, BarSeries> out = new LinkedHashMap<>();
        Map<LocalDate, List<Instrument>> toFetch = new TreeMap<>();
        Map<Instrument, int[]> extending = new HashMap<>();
        for (Instrument inst : instruments) {
            int[] coverage = coverage(inst.symbol());
            if (coverage != null && coverage[0] <= fromDay && toDay <= coverage[1]) {
                out.put(inst, read(inst, fromDay, toDay));
                continue;
            }
            boolean extendTail = coverage != null && coverage[0] <= fromDay && coverage[1] + 1 >= fromDay;
            LocalDate fetchFrom = from;
            if (extendTail && coverage != null) { // extendTail already implies a coverage
                extending.put(inst, coverage);
                fetchFrom = LocalDate.ofEpochDay(Math.max(coverage[0], coverage[1] - OVERLAP_DAYS + 1L));
            }
            toFetch.computeIfAbsent(fetchFrom, k -> new ArrayList<>()).add(inst);
        }
        for (Map.Entry<LocalDate, List<Instrument>> group : clustered(toFetch).entrySet()) {
            Map<Instrument, BarSeries> fresh = fetch(group.getValue(), group.getKey(), to);
            for (Instrument inst : group.getValue()) {
                BarSeries bars = fresh.getOrDefault(inst, BarSeries.empty(inst));
                int[] coverage = extending.get(inst);
                if (coverage != null) {
                    String restated = restatement(inst, bars, coverage);
                    if (restated != null) {
                        addFinding(new DataFinding(inst, LocalDate.ofEpochDay(coverage[1]), DataRule.RESTATED, restated));
                        coverage = null;
                        bars = fetch(List.of(inst), from, to).getOrDefault(inst, BarSeries.empty(inst));
                    }
                }
                if (coverage == null) {
                    bars = bars.slice(bars.indexOnOrAfter(from), bars.indexOnOrAfter(to.plusDays(1)));
                    write(inst.symbol(), bars, fromDay, bars.isEmpty() ? Integer.MIN_VALUE : newest(bars), true);
                    out.put(inst, bars);
                } else {
                    write(inst.symbol(), bars, coverage[0], bars.isEmpty() ? coverage[1]
                            : Math.max(coverage[1], newest(bars)), false);
                    out.put(inst, read(inst, fromDay, toDay));
                }
            }
        }
        Map<Instrument, BarSeries> ordered = new LinkedHashMap<>();
        instruments.forEach(i -> ordered.put(i, out.get(i)));
        return ordered;
    }

    @Override
    public List<DataFinding> takeFindings() {
        synchronized (findings) {
            List<DataFinding> out = List.copyOf(findings);
            findings.clear();
            return out;
        }
    }

    private void addFinding(DataFinding f) {
        synchronized (findings) {
            findings.add(f);
        }
    }

    /**
     * Joins groups whose first day is within {@value #OVERLAP_DAYS} days of an earlier group's: stocks end on Friday
     * and crypto on Sunday, and one request for both costs less than two. Loading a few extra days is harmless.
     */
    private static Map<LocalDate, List<Instrument>> clustered(Map<LocalDate, List<Instrument>> groups) {
        Map<LocalDate, List<Instrument>> out = new TreeMap<>();
        LocalDate start = null;
        for (Map.Entry<LocalDate, List<Instrument>> g : groups.entrySet()) {
            if (start == null || g.getKey().isAfter(start.plusDays(OVERLAP_DAYS))) {
                start = g.getKey();
            }
            out.computeIfAbsent(start, k -> new ArrayList<>()).addAll(g.getValue());
        }
        return out;
    }

    private Map<Instrument, BarSeries> fetch(List<Instrument> instruments, LocalDate from, LocalDate to) {
        return instruments.size() == 1
                ? Map.of(instruments.get(0), upstream.dailyBars(instruments.get(0), from, to))
                : upstream.dailyBars(instruments, from, to);
    }

    private static int newest(BarSeries bars) {
        return bars.epochDays()[bars.size() - 1];
    }

    /** Null when the freshly loaded bars agree with the cached ones on the days both have; else what differs. */
    private @Nullable String restatement(Instrument inst, BarSeries fresh, int[] coverage) {
        if (fresh.isEmpty()) {
            return null;
        }
        BarSeries cached = read(inst, fresh.epochDays()[0], coverage[1]);
        int j = 0;
        for (int i = 0; i < cached.size(); i++) {
            while (j < fresh.size() && fresh.epochDays()[j] < cached.epochDays()[i]) {
                j++;
            }
            if (j == fresh.size()) {
                break;
            }
            if (fresh.epochDays()[j] != cached.epochDays()[i]) {
                continue;
            }
            double[][] was = {cached.open(), cached.high(), cached.low(), cached.close()};
            double[][] now = {fresh.open(), fresh.high(), fresh.low(), fresh.close()};
            String[] names = {"open", "high", "low", "close"};
            for (int k = 0; k < 4; k++) {
                double a = was[k][i];
                double b = now[k][j];
                if (Math.abs(a - b) > RESTATED_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
                    return String.format(Locale.ROOT, "the cached %s of %s was %s, the source now gives %s (x%.4f): history"
                            + " was restated (a split or an adjustment?); the cache was reloaded from the source. Check"
                            + " any position's cost basis and open orders in this symbol", names[k], cached.date(i),
                            num(a), num(b), b / a);
                }
            }
        }
        return null;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @Override
    public boolean fetchesInBatches() {
        return upstream.fetchesInBatches();
    }

    @Override
    public Optional<Quote> latestQuote(Instrument instrument) {
        return upstream.latestQuote(instrument);
    }

    @Override
    public String describe() {
        return source + " (cached in " + db.file().getFileName() + ")";
    }

    private int @Nullable [] coverage(String symbol) {
        return db.lookUp(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT from_day, to_day FROM bar_coverage WHERE symbol=? AND source=?")) {
                ps.setString(1, symbol);
                ps.setString(2, source);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : null;
                }
            }
        });
    }

    /** Stores {@code bars}; coverage becomes [fromDay, toDay], or is dropped when nothing was delivered. */
    private void write(String symbol, BarSeries bars, int fromDay, int toDay, boolean replace) {
        db.runInTransaction(c -> {
            if (replace) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM bars WHERE symbol=?")) {
                    del.setString(1, symbol);
                    del.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO bars VALUES (?,?,?,?,?,?,?)")) {
                for (int i = 0; i < bars.size(); i++) {
                    ps.setString(1, symbol);
                    ps.setInt(2, bars.epochDays()[i]);
                    ps.setDouble(3, bars.open()[i]);
                    ps.setDouble(4, bars.high()[i]);
                    ps.setDouble(5, bars.low()[i]);
                    ps.setDouble(6, bars.close()[i]);
                    ps.setDouble(7, bars.volume()[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (toDay == Integer.MIN_VALUE) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM bar_coverage WHERE symbol=?")) {
                    del.setString(1, symbol);
                    del.executeUpdate();
                }
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO bar_coverage VALUES (?,?,?,?)")) {
                ps.setString(1, symbol);
                ps.setString(2, source);
                ps.setInt(3, fromDay);
                ps.setInt(4, toDay);
                ps.executeUpdate();
            }
        });
    }

    private BarSeries read(Instrument instrument, int fromDay, int toDay) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT day, open, high, low, close, volume FROM bars"
                    + " WHERE symbol=? AND day BETWEEN ? AND ? ORDER BY day")) {
                ps.setString(1, instrument.symbol());
                ps.setInt(2, fromDay);
                ps.setInt(3, toDay);
                BarSeries.Builder b = BarSeries.builder(instrument);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        b.add(rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                                rs.getDouble(6));
                    }
                }
                return b.build();
            }
        });
    }
}
