package sextant.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.backtest.BacktestSpec;
import sextant.core.backtest.ForecastPath;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.backtest.SymbolBacktester;
import sextant.core.cycle.Phase;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.forecast.CachingForecaster;
import sextant.core.forecast.ForecastBatch;
import sextant.core.forecast.ForecastContext;
import sextant.core.forecast.ForecastStore;
import sextant.core.forecast.Forecaster;
import sextant.core.forecast.Target;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.Order;
import sextant.core.order.Position;
import sextant.core.port.Broker;
import sextant.core.port.Ledger;
import sextant.core.port.MarketData;

/**
 * One trading cycle: universe, bars, batched forecasts, per-symbol backtests, decisions, portfolio, order plan,
 * broker, ledger. Each phase is timed. The engine sees only ports; the app wires the adapters.
 *
 * <p>Failure policy: a symbol whose data, forecast or backtest fails gets an {@code error} decision naming the cause
 * and the cycle goes on with the others (its positions and orders are left alone). A failure of the broker or the
 * ledger ends the cycle; the ledger marks it failed with the message.
 */
public final class CycleEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CycleEngine.class);
    /** Bars older than this many calendar days before the cycle date make a symbol's data stale. */
    static final int STALE_AFTER_DAYS = 6;

    private final MarketData data;
    private final Callable<ModelRouting> modelLoader;
    private final ForecastStore forecastStore;
    private final Broker broker;
    private final Ledger ledger;
    private final CycleSettings settings;
    private final CycleListener listener;
    private final Clock clock;
    private final ExecutorService pool;
    private final ClientOrderIds ids;
    private ModelRouting models;
    private final Map<Forecaster, CachingForecaster> cached = new HashMap<>();

    public CycleEngine(MarketData data, Callable<ModelRouting> modelLoader, ForecastStore forecastStore, Broker broker,
                       Ledger ledger, CycleSettings settings, CycleListener listener, Clock clock) {
        this.data = data;
        this.modelLoader = modelLoader;
        this.forecastStore = forecastStore;
        this.broker = broker;
        this.ledger = ledger;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.effectiveThreads(), r -> {
            Thread t = new Thread(r, "sextant-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ids = new ClientOrderIds(settings.orderIdPrefix());
    }

    public BacktestSpec backtestSpec() {
        // Every strategy is evaluated and recorded (they are cheap); only enabled ones may be chosen.
        return new BacktestSpec(settings.windows(), settings.daysPerWindow(), Double.NaN,
                java.util.EnumSet.allOf(sextant.core.backtest.StrategyId.class));
    }

    /** Runs one cycle for {@code asOf}: bars dated before {@code asOf} are closed; orders are for {@code asOf}. */
    public CycleReport run(LocalDate asOf, List<Instrument> universe) {
        PhaseTimings timings = new PhaseTimings();
        long start = System.nanoTime();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        long cycleId = timed(timings, Phase.LEDGER, () -> ledger.startCycle(clock.instant(), asOf, broker.name(),
                data.describe(), models == null ? "(loading)" : models.describe(), universe.size()));
        try {
            Future<ModelRouting> modelsReady = models != null ? null : pool.submit(() -> loadModels(timings));
            listener.symbolsStarted(universe.size());

            Map<Instrument, SymbolDecision> failures = new LinkedHashMap<>();
            Map<Instrument, BarSeries> bars = timed(timings, Phase.DATA, () -> loadBars(asOf, universe, failures));

            if (modelsReady != null) {
                models = join(modelsReady, "loading the forecasting model");
            }
            BacktestSpec spec = backtestSpec();
            Map<Instrument, ForecastPath> paths = timed(timings, Phase.FORECASTING,
                    () -> forecast(bars, spec, failures, timings));
            List<SymbolBacktest> backtests = timed(timings, Phase.BACKTESTS, () -> backtest(bars, paths, spec, failures));

            List<Fill> fills = timed(timings, Phase.ORDERS, broker::takeNewFills);
            Account account = timed(timings, Phase.DECISIONS, broker::account);
            List<Position> positions = timed(timings, Phase.DECISIONS, broker::positions);
            List<SymbolDecision> decisions = timed(timings, Phase.DECISIONS, () -> decide(backtests, failures, account, positions));

            Map<String, Double> lastClose = new HashMap<>();
            bars.forEach((i, b) -> lastClose.put(i.symbol(), b.close()[b.size() - 1]));
            List<OrderEvent> events = timed(timings, Phase.ORDERS, () -> {
                List<Order> open = broker.openOrders();
                List<PlannedAction> plan = new OrderPlanner(ids).plan(asOf, decisions, positions, open, lastClose);
                return new OrderExecutor(broker, ledger, cycleId).execute(plan);
            });

            timed(timings, Phase.LEDGER, () -> {
                ledger.recordBacktests(cycleId, backtests);
                ledger.recordDecisions(cycleId, decisions);
                ledger.recordFills(cycleId, fills);
                ledger.recordAccount(cycleId, clock.instant(), account);
                return null;
            });
            listener.finished();
            long hits = 0;
            long computed = 0;
            for (CachingForecaster c : cached.values()) {
                hits += c.hits();
                computed += c.misses();
            }
            String status = events.stream().anyMatch(e -> "failed".equals(e.event())) ? "completed with order failures" : "ok";
            timings.setTotal(System.nanoTime() - start);
            long ledgerStart = System.nanoTime();
            String summary = summary(decisions, events);
            ledger.finishCycle(cycleId, clock.instant(), status, timings, summary);
            timings.add(Phase.LEDGER, System.nanoTime() - ledgerStart);
            timings.setTotal(System.nanoTime() - start);
            return new CycleReport(cycleId, asOf, status, timings, backtests, decisions, events, fills, account, positions,
                    hits, computed, List.copyOf(warnings));
        } catch (RuntimeException e) {
            timings.setTotal(System.nanoTime() - start);
            try {
                ledger.finishCycle(cycleId, clock.instant(), "failed: " + e.getMessage(), timings, "");
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            listener.finished();
            throw e;
        }
    }

    private ModelRouting loadModels(PhaseTimings timings) throws Exception {
        long t = System.nanoTime();
        ModelRouting m = modelLoader.call();
        timings.add(Phase.MODEL_LOAD, System.nanoTime() - t);
        t = System.nanoTime();
        int batch = 64;
        for (Forecaster f : m.all()) {
            f.warmUp(batch);
        }
        timings.add(Phase.WARM_UP, System.nanoTime() - t);
        return m;
    }

    private Map<Instrument, BarSeries> loadBars(LocalDate asOf, List<Instrument> universe,
                                                Map<Instrument, SymbolDecision> failures) {
        LocalDate to = asOf.minusDays(1);
        LocalDate from = asOf.minusDays(settings.lookbackDays());
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
            futures.add(known != null ? CompletableFuture.completedFuture(known) : pool.submit(() -> data.dailyBars(inst, from, to)));
        }
        Map<Instrument, BarSeries> out = new LinkedHashMap<>();
        for (int i = 0; i < universe.size(); i++) {
            Instrument inst = universe.get(i);
            try {
                BarSeries b = futures.get(i).get();
                String problem = checkUsable(b, asOf);
                if (problem != null) {
                    failures.put(inst, SymbolDecision.error(inst, problem));
                    listener.symbolDone(inst.symbol());
                } else {
                    out.put(inst, b);
                }
            } catch (ExecutionException | InterruptedException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.warn("{}: data failed", inst, cause);
                failures.put(inst, SymbolDecision.error(inst, "data: " + cause.getMessage()));
                listener.symbolDone(inst.symbol());
            }
        }
        return out;
    }

    private String checkUsable(BarSeries b, LocalDate asOf) {
        int need = backtestSpec().daysPerWindow() + 2;
        if (b.size() < need) {
            return "data: only " + b.size() + " bars before " + asOf + " (need at least " + need + ")";
        }
        if (b.lastDate().isBefore(asOf.minusDays(STALE_AFTER_DAYS))) {
            return "data: stale, newest bar is " + b.lastDate() + " for a cycle on " + asOf
                    + "; check the data source or pass --as-of";
        }
        return null;
    }

    private Map<Instrument, ForecastPath> forecast(Map<Instrument, BarSeries> bars, BacktestSpec spec,
                                                   Map<Instrument, SymbolDecision> failures, PhaseTimings timings) {
        Map<Forecaster, List<Instrument>> byModel = new LinkedHashMap<>();
        for (Instrument inst : bars.keySet()) {
            byModel.computeIfAbsent(models.forSymbol(inst), k -> new ArrayList<>()).add(inst);
        }
        Map<Instrument, ForecastPath> out = new HashMap<>();
        long hitsBefore = 0;
        long computedBefore = 0;
        for (CachingForecaster c : cached.values()) {
            hitsBefore += c.hits();
            computedBefore += c.misses();
        }
        for (Map.Entry<Forecaster, List<Instrument>> e : byModel.entrySet()) {
            CachingForecaster model = cached.computeIfAbsent(e.getKey(), f -> new CachingForecaster(f, forecastStore));
            List<ForecastContext> contexts = new ArrayList<>();
            List<int[]> owner = new ArrayList<>();
            List<Instrument> symbols = e.getValue();
            for (int s = 0; s < symbols.size(); s++) {
                BarSeries b = bars.get(symbols.get(s));
                for (int t = spec.firstForecastIndex(b.size()); t <= b.size(); t++) {
                    contexts.add(new ForecastContext(b, t));
                    owner.add(new int[] {s, t});
                }
            }
            ForecastBatch batch;
            try {
                batch = model.forecast(contexts);
            } catch (RuntimeException ex) {
                LOG.warn("forecaster {} failed", model.id(), ex);
                for (Instrument inst : symbols) {
                    failures.put(inst, SymbolDecision.error(inst, "forecast (" + model.id() + "): " + ex.getMessage()));
                    listener.symbolDone(inst.symbol());
                }
                continue;
            }
            Map<Integer, double[][]> arrays = new HashMap<>();
            for (int s = 0; s < symbols.size(); s++) {
                int n = bars.get(symbols.get(s)).size() + 1;
                double[][] a = new double[3][n];
                for (double[] x : a) {
                    java.util.Arrays.fill(x, Double.NaN);
                }
                arrays.put(s, a);
            }
            for (int i = 0; i < contexts.size(); i++) {
                int[] o = owner.get(i);
                double[][] a = arrays.get(o[0]);
                a[0][o[1]] = batch.point(i, Target.CLOSE);
                a[1][o[1]] = batch.point(i, Target.HIGH);
                a[2][o[1]] = batch.point(i, Target.LOW);
            }
            for (int s = 0; s < symbols.size(); s++) {
                double[][] a = arrays.get(s);
                out.put(symbols.get(s), new ForecastPath(a[0], a[1], a[2]));
            }
        }
        long hits = -hitsBefore;
        long computed = -computedBefore;
        for (CachingForecaster c : cached.values()) {
            hits += c.hits();
            computed += c.misses();
        }
        timings.note(Phase.FORECASTING, String.format(Locale.ROOT, "%d cached, %d computed", hits, computed));
        return out;
    }

    private List<SymbolBacktest> backtest(Map<Instrument, BarSeries> bars, Map<Instrument, ForecastPath> paths,
                                          BacktestSpec spec, Map<Instrument, SymbolDecision> failures) {
        List<Instrument> symbols = new ArrayList<>(paths.keySet());
        symbols.sort(java.util.Comparator.comparing(Instrument::symbol));
        List<Future<SymbolBacktest>> futures = new ArrayList<>();
        for (Instrument inst : symbols) {
            futures.add(pool.submit(() -> {
                try {
                    return SymbolBacktester.run(bars.get(inst), paths.get(inst), spec);
                } finally {
                    listener.symbolDone(inst.symbol());
                }
            }));
        }
        List<SymbolBacktest> out = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            try {
                out.add(futures.get(i).get());
            } catch (ExecutionException | InterruptedException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.warn("{}: backtest failed", symbols.get(i), cause);
                failures.put(symbols.get(i), SymbolDecision.error(symbols.get(i), "backtest: " + cause.getMessage()));
            }
        }
        return out;
    }

    private List<SymbolDecision> decide(List<SymbolBacktest> backtests, Map<Instrument, SymbolDecision> failures,
                                        Account account, List<Position> positions) {
        StrategySelector selector = new StrategySelector(settings);
        List<SymbolDecision> chosen = new ArrayList<>();
        for (SymbolBacktest bt : backtests) {
            chosen.add(selector.choose(bt));
        }
        chosen.addAll(failures.values());
        return new PortfolioBuilder(settings).build(chosen, account, positions);
    }

    private static String summary(List<SymbolDecision> decisions, List<OrderEvent> events) {
        Map<String, Integer> actions = new java.util.TreeMap<>();
        decisions.forEach(d -> actions.merge(d.action(), 1, Integer::sum));
        Map<String, Integer> orders = new java.util.TreeMap<>();
        events.forEach(e -> orders.merge(e.event(), 1, Integer::sum));
        return "decisions " + actions + ", orders " + orders;
    }

    private static <T> T join(Future<T> f, String what) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new IllegalStateException(what + " failed: " + c.getMessage(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    private static <T> T timed(PhaseTimings timings, Phase phase, Callable<T> work) {
        long t = System.nanoTime();
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            timings.add(phase, System.nanoTime() - t);
        }
    }

    /** The models, once loaded (null before the first cycle). */
    public ModelRouting models() {
        return models;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        if (models != null) {
            for (Forecaster f : models.all()) {
                f.close();
            }
        }
    }
}
