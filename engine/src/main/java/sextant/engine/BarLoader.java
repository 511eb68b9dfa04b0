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
 * otherwise one call per symbol on the worker pool. A symbol whose bars fail to load gets an {@code error} decision
 * naming the cause; the others go on. Whether the bars are fit to use is {@link ValidationStage}'s job.
 */
record BarLoader(MarketData data, ExecutorService pool, CycleListener listener) {
    private static final Logger LOG = LoggerFactory.getLogger(BarLoader.class);
    /** The bars of every symbol that loaded, in universe order, and an error decision for each that did not. */
    record Loaded(Map<Instrument, BarSeries> bars, List<SymbolDecision> failed) {
    }

    Loaded load(LocalDate asOf, int lookbackDays, List<Instrument> universe) {
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
        List<SymbolDecision> failed = new ArrayList<>();
        for (int i = 0; i < universe.size(); i++) {
            Instrument inst = universe.get(i);
            String problem;
            try {
                out.put(inst, futures.get(i).get());
                continue;
            } catch (ExecutionException | InterruptedException e) {
                Throwable cause = Failures.cause(e);
                LOG.warn("{}: data failed", inst, cause);
                problem = "data: " + Failures.message(cause);
            }
            failed.add(SymbolDecision.error(inst, problem));
            listener.symbolDone(inst.symbol());
        }
        return new Loaded(out, failed);
    }
}
