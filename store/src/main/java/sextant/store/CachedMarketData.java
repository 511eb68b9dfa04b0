package sextant.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.market.Quote;
import sextant.core.port.MarketData;

/**
 * Bars cached in SQLite, keyed by symbol and date. For each symbol the cache remembers which date range it has
 * fetched from which source; a request inside that range is served locally, and a request that extends past it
 * fetches only the missing newer days. A different source (say, switching from synthetic to Alpaca) starts over.
 */
public final class CachedMarketData implements MarketData {
    private final MarketData upstream;
    private final Database db;
    private final String source;

    public CachedMarketData(MarketData upstream, Database db) {
        this.upstream = upstream;
        this.db = db;
        this.source = upstream.describe();
    }

    @Override
    public BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to) {
        return dailyBars(List.of(instrument), from, to).get(instrument);
    }

    /**
     * Serves what the cache covers, and fetches the rest from upstream grouped by the first missing day, so a
     * batching source (Alpaca) gets one multi-symbol request per group instead of one per symbol.
     */
    @Override
    public Map<Instrument, BarSeries> dailyBars(List<Instrument> instruments, LocalDate from, LocalDate to) {
        int fromDay = (int) from.toEpochDay();
        int toDay = (int) to.toEpochDay();
        Map<Instrument, BarSeries> out = new LinkedHashMap<>();
        Map<LocalDate, List<Instrument>> toFetch = new TreeMap<>();
        Map<Instrument, Integer> keepFrom = new HashMap<>();
        for (Instrument inst : instruments) {
            int[] coverage = coverage(inst.symbol());
            if (coverage != null && coverage[0] <= fromDay && toDay <= coverage[1]) {
                out.put(inst, read(inst, fromDay, toDay));
                continue;
            }
            boolean extendTail = coverage != null && coverage[0] <= fromDay && coverage[1] + 1 >= fromDay;
            LocalDate fetchFrom = extendTail ? LocalDate.ofEpochDay(coverage[1] + 1L) : from;
            keepFrom.put(inst, extendTail ? coverage[0] : -1);
            toFetch.computeIfAbsent(fetchFrom, k -> new ArrayList<>()).add(inst);
        }
        for (Map.Entry<LocalDate, List<Instrument>> group : toFetch.entrySet()) {
            Map<Instrument, BarSeries> fresh = group.getValue().size() == 1
                    ? Map.of(group.getValue().get(0), upstream.dailyBars(group.getValue().get(0), group.getKey(), to))
                    : upstream.dailyBars(group.getValue(), group.getKey(), to);
            for (Instrument inst : group.getValue()) {
                BarSeries bars = fresh.getOrDefault(inst, BarSeries.empty(inst));
                int kept = keepFrom.get(inst);
                write(inst.symbol(), bars, kept >= 0 ? kept : fromDay, toDay, kept < 0);
                // A fresh full fetch is exactly the answer; an extended tail is read back merged with what was kept.
                out.put(inst, kept < 0 ? bars : read(inst, fromDay, toDay));
            }
        }
        Map<Instrument, BarSeries> ordered = new LinkedHashMap<>();
        instruments.forEach(i -> ordered.put(i, out.get(i)));
        return ordered;
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

    private int[] coverage(String symbol) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT from_day, to_day FROM bar_coverage WHERE symbol=? AND source=?")) {
                ps.setString(1, symbol);
                ps.setString(2, source);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : null;
                }
            }
        });
    }

    private void write(String symbol, BarSeries bars, int fromDay, int toDay, boolean replace) {
        db.inTransaction(c -> {
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
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO bar_coverage VALUES (?,?,?,?)")) {
                ps.setString(1, symbol);
                ps.setString(2, source);
                ps.setInt(3, fromDay);
                ps.setInt(4, toDay);
                ps.executeUpdate();
            }
            return null;
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
