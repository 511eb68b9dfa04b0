package sextant.engine.replay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.OrderType;
import sextant.core.order.Position;
import sextant.core.port.Broker;
import sextant.engine.CycleEngine;
import sextant.engine.CycleReport;
import sextant.engine.OrderEvent;
import sextant.engine.StrategySelector;

/**
 * Trades history one session at a time through the live code path: for each session D it sets the clock to D and
 * runs {@link CycleEngine#run} (bars, forecasts, backtests, decisions, portfolio, order plan, broker, ledger),
 * exactly as {@code sextant cycle --as-of D} does; the broker (the paper broker in a replay) fills the orders against
 * D's bar when the next session settles. Nothing here decides or prices an order.
 *
 * <p>After the last session the clock moves one day on and the engine books that settlement (the last session's
 * fills) into the ledger, so that the replay's ledger ends equal to its broker; the equity curve is then read at each
 * session's close.
 */
public final class ReplayDriver {
    /** Called after each session (progress display). */
    public interface Progress {
        void session(int done, int total, LocalDate day);

        Progress NONE = (done, total, day) -> {
        };
    }

    private ReplayDriver() {
    }

    public static ReplayRun run(CycleEngine engine, Broker broker, SessionDate clock, List<LocalDate> sessions,
                                List<Instrument> universe, Progress progress) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("no sessions to replay");
        }
        int n = sessions.size();
        double[] equity = new double[n];
        double[] exposure = new double[n];
        List<Fill> fills = new ArrayList<>();
        Map<String, EntryOutcome> placed = new HashMap<>();
        List<String> placedOrder = new ArrayList<>();
        double initial = Double.NaN;
        int withErrors = 0;
        StrategySelector selector = new StrategySelector(engine.settings());
        for (int i = 0; i < n; i++) {
            LocalDate day = sessions.get(i);
            clock.set(day);
            CycleReport r;
            try {
                r = engine.run(day, universe);
            } catch (RuntimeException e) {
                throw new IllegalStateException("replay stopped at session " + day + ": " + e.getMessage(), e);
            }
            if (i == 0) {
                initial = r.accountBefore().equity();
            } else {
                equity[i - 1] = r.accountBefore().equity();
                exposure[i - 1] = gross(r.positionsBefore()) / equity[i - 1];
            }
            if (r.status() != sextant.core.cycle.CycleStatus.OK) {
                withErrors++;
            }
            fills.addAll(r.newFills());
            recordEntries(r, engine, selector, placed, placedOrder);
            progress.session(i + 1, n, day);
        }
        clock.set(sessions.get(n - 1).plusDays(1));
        fills.addAll(engine.settle(clock.get()));
        Account last = broker.account();
        List<Position> finalPositions = broker.positions();
        equity[n - 1] = last.equity();
        exposure[n - 1] = gross(finalPositions) / last.equity();

        List<RoundTrip> trips = RoundTrips.of(fills, finalPositions);
        Map<String, RoundTrip> byOpeningOrder = new HashMap<>();
        trips.forEach(t -> byOpeningOrder.putIfAbsent(t.openClientOrderId(), t));
        List<EntryOutcome> entries = new ArrayList<>();
        for (String cid : placedOrder) {
            EntryOutcome e = Objects.requireNonNull(placed.get(cid), "placedOrder lists the keys of placed");
            RoundTrip t = byOpeningOrder.get(cid);
            entries.add(t == null ? e : new EntryOutcome(e.session(), e.symbol(), e.strategy(), e.side(), cid,
                    e.claimed(), e.trackRecord(), e.notional(), true, e.notional() > 0 ? t.pnl() / e.notional() : 0));
        }
        double fees = 0;
        double notional = 0;
        for (Fill f : fills) {
            fees += f.fee();
            notional += Math.abs(f.qty() * f.price());
        }
        return new ReplayRun(List.copyOf(sessions), equity, exposure, initial, trips, entries, fees, notional, withErrors);
    }

    private static double gross(List<Position> positions) {
        double g = 0;
        for (Position p : positions) {
            g += Math.abs(p.marketValue());
        }
        return g;
    }

    /** Entries the broker accepted this session, keyed by client order id, with the decision's claimed score. */
    private static void recordEntries(CycleReport r, CycleEngine engine, StrategySelector selector,
                                      Map<String, EntryOutcome> placed, List<String> order) {
        Map<String, sextant.core.backtest.SymbolBacktest> backtests = new HashMap<>();
        r.backtests().forEach(b -> backtests.put(b.instrument().symbol(), b));
        Map<String, SymbolDecision> bySymbol = new HashMap<>();
        r.decisions().forEach(d -> bySymbol.put(d.instrument().symbol(), d));
        for (OrderEvent e : r.orders()) {
            var req = e.request();
            if (req == null || e.order() == null || !engine.isEntryOrder(req.clientOrderId()) || placed.containsKey(req.clientOrderId())) {
                continue;
            }
            SymbolDecision d = bySymbol.get(req.instrument().symbol());
            if (d == null || !Double.isFinite(d.score())) {
                continue;
            }
            double price = req.type() == OrderType.MARKET ? d.entryPrice() : req.limitPrice();
            var bt = backtests.get(req.instrument().symbol());
            double record = Double.NaN;
            var report = bt != null && d.strategy() != null ? bt.report(d.strategy()) : null;
            if (report != null) {
                var tr = selector.trackRecord(report);
                record = tr.n() == 0 ? Double.NaN : tr.mean();
            }
            placed.put(req.clientOrderId(), new EntryOutcome(r.asOf(), req.instrument().symbol(),
                    d.strategy() == null ? "" : d.strategy().key(), req.side().wire(), req.clientOrderId(), d.score(), record,
                    req.qty() * price, false, 0));
            order.add(req.clientOrderId());
        }
    }
}
