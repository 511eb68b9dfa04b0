package sextant.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketData;

/**
 * The data phase: closed bars for every symbol, batched when the source fetches many symbols per request,
 * otherwise one call per symbol on the worker pool. A symbol whose bars fail to load, are too few, or are stale
 * gets an {@code error} decision naming the cause; the others go on.
 */
final class BarLoader {
    private static final Logger LOG = LoggerFactory.getLogger(BarLoader.class);
    /** Bars older than this many calendar days before the cycle date make a symbol's data stale. */
    static final int STALE_AFTER_DAYS = 6;
    /**
     * Longest calendar gap between consecutive bars that is still a market closure rather than missing data: US
     * exchanges closed for at most a week (September 2001); crypto trades every day, so three days is an outage.
     */
    static final int MAX_STOCK_GAP_DAYS = 7;
    static final int MAX_CRYPTO_GAP_DAYS = 3;

    private final MarketData data;
    private final ExecutorService pool;
    private final CycleListener listener;

    BarLoader(MarketData data, ExecutorService pool, CycleListener listener) {
        this.data = data;
        this.pool = pool;
        this.listener = listener;
    }

    Map<Instrument, BarSeries> load(LocalDate asOf, int lookbackDays, int minBars, List<Instrument> universe,
                                    Map<Instrument, SymbolDecision> failures) {
        LocalDate to = asOf.minusDays(1);
        LocalDate from = asOf.minusDays(lookbackDays);
        Map<Instrument, BarSeries> batch = null;
        if (data.fetchesInBatches()) {
            try {
                batch = data.dailyBars(universe, from, to);
            } catch (RuntimeException e) {
                // Fall back to one call per symbol, so the failure is pinned on the symbol that caused it.
                LOG.warn("batched bar request failed; retrying per symbol", e);
            }
        }
        List<Future<BarSeries>> futures = new ArrayList<>();
        for (Instrument inst : universe) {
            BarSeries known = batch == null ? null : batch.get(inst);
            futures.add(known != null ? CompletableFuture.completedFuture(known)
                    : pool.submit(() -> data.dailyBars(inst, from, to)));
        }
        Map<Instrument, BarSeries> out = new LinkedHashMap<>();
        for (int i = 0; i < universe.size(); i++) {
            Instrument inst = universe.get(i);
            String problem;
            try {
                BarSeries b = futures.get(i).get();
                problem = problem(b, asOf, minBars);
                if (problem == null) {
                    out.put(inst, b);
                    continue;
                }
            } catch (ExecutionException | InterruptedException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.warn("{}: data failed", inst, cause);
                problem = "data: " + cause.getMessage();
            }
            failures.put(inst, SymbolDecision.error(inst, problem));
            listener.symbolDone(inst.symbol());
        }
        return out;
    }

    static String problem(BarSeries b, LocalDate asOf, int minBars) {
        if (b.size() < minBars) {
            return "data: only " + b.size() + " bars before " + asOf + " (need at least " + minBars + ")";
        }
        if (b.lastDate().isBefore(asOf.minusDays(STALE_AFTER_DAYS))) {
            return "data: stale, newest bar is " + b.lastDate() + " for a cycle on " + asOf
                    + "; check the data source or pass --as-of";
        }
        // A gap would silently turn a multi-week move into one "one-bar" return in every forecast and backtest.
        int maxGap = b.instrument().isCrypto() ? MAX_CRYPTO_GAP_DAYS : MAX_STOCK_GAP_DAYS;
        int[] days = b.epochDays();
        for (int i = 1; i < days.length; i++) {
            if (days[i] - days[i - 1] > maxGap) {
                return "data: gap of " + (days[i] - days[i - 1]) + " days between " + b.date(i - 1) + " and " + b.date(i)
                        + " (more than " + maxGap + "); fill the missing bars or shorten data.lookback-days";
            }
        }
        return null;
    }
}
