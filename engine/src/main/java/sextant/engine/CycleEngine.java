package sextant.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.backtest.BacktestMemo;
import sextant.core.backtest.BacktestSpec;
import sextant.core.backtest.ForecastPath;
import sextant.core.backtest.StrategyId;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.backtest.SymbolBacktester;
import sextant.core.cycle.Action;
import sextant.core.cycle.CycleStatus;
import sextant.core.cycle.Phase;
import sextant.core.cycle.PhaseTimings;
import sextant.core.cycle.SymbolDecision;
import sextant.core.forecast.ForecastStore;
import sextant.core.forecast.Forecaster;
import sextant.core.gate.EntryStatus;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.order.Account;
import sextant.core.order.Fill;
import sextant.core.order.OrderOutcome;
import sextant.core.order.Position;
import sextant.core.order.PositionPlan;
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
 *
 * <p>An engine may run many cycles (a long-running scheduler, or {@code bench cycle}): the model is loaded once, on
 * the first cycle, overlapped with that cycle's data loading.
 */
public final class CycleEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CycleEngine.class);
    /** Warm-up batch hint; forecasters with a fixed batch shape (ONNX) use their own. */
    private static final int WARM_UP_BATCH = 64;

    private final Callable<ModelRouting> modelLoader;
    private final Broker broker;
    private final Ledger ledger;
    private final CycleSettings settings;
    private final CycleListener listener;
    private final Clock clock;
    private final ExecutorService pool;
    private final ClientOrderIds ids;
    private final BarLoader barLoader;
    private final ValidationStage validation;
    private final MarketData data;
    private final ForecastStage forecastStage;
    private final String dataSource;
    /** Fitted windows by their inputs: a later cycle of this engine (tomorrow's, or a replay's next session) refits only new ones. */
    private final BacktestMemo memo = new BacktestMemo();
    private final OrderSettings orderSettings;
    /** Loaded by the first cycle, on the pool beside the data phase, and kept for the next ones. */
    private @Nullable ModelRouting models;

    public CycleEngine(MarketData data, Callable<ModelRouting> modelLoader, ForecastStore forecastStore, Broker broker,
                       Ledger ledger, CycleSettings settings, CycleListener listener, Clock clock) {
        this(data, modelLoader, forecastStore, broker, ledger, settings, OrderSettings.defaults(), listener, clock);
    }

    public CycleEngine(MarketData data, Callable<ModelRouting> modelLoader, ForecastStore forecastStore, Broker broker,
                       Ledger ledger, CycleSettings settings, OrderSettings orderSettings, CycleListener listener,
                       Clock clock) {
        this.orderSettings = orderSettings;
        this.modelLoader = modelLoader;
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
        this.barLoader = new BarLoader(data, pool, listener);
        this.validation = new ValidationStage(settings.validation(), listener);
        this.data = data;
        this.forecastStage = new ForecastStage(forecastStore, listener, pool, settings.effectiveThreads());
        this.dataSource = data.describe();
    }

    public CycleSettings settings() {
        return settings;
    }

    /** Whether a client order id is one of this engine's entry orders (its prefix, leg "e"). */
    public boolean isEntryOrder(String clientOrderId) {
        return ids.legOf(clientOrderId) == ClientOrderIds.Leg.ENTRY;
    }

    /** Every strategy is evaluated and recorded (they are cheap); only enabled ones may be chosen. */
    public BacktestSpec backtestSpec() {
        return new BacktestSpec(settings.windows(), settings.daysPerWindow(), Double.NaN, EnumSet.allOf(StrategyId.class),
                settings.fillModel(), !settings.shortsAllowed());
    }

    /** Runs one cycle for {@code asOf}: bars dated before {@code asOf} are closed; orders are for {@code asOf}. */
    public CycleReport run(LocalDate asOf, List<Instrument> universe) {
        return run(asOf, universe, i -> true);
    }

    /**
     * Runs one cycle for {@code asOf} over {@code universe}, acting only on the account's symbols in {@code scope}: a
     * run loop's cycle for its stock group must not wind down the crypto positions the crypto group manages, nor
     * the other way round.
     */
    public CycleReport run(LocalDate asOf, List<Instrument> universe, Predicate<Instrument> scope) {
        PhaseTimings timings = new PhaseTimings();
        long start = System.nanoTime();
        long cycleId = timed(timings, Phase.LEDGER, () -> ledger.startCycle(clock.instant(), asOf, broker.name(),
                dataSource, settings.modelSpec(), universe.size()));
        try {
            Future<ModelRouting> modelsReady = models != null ? null : pool.submit(() -> loadModels(timings));
            listener.symbolsStarted(universe.size());
            BacktestSpec spec = backtestSpec();

            BarLoader.Loaded loaded = timed(timings, Phase.DATA, () -> barLoader.load(asOf, settings.lookbackDays(), universe));
            ValidationStage.Result validated = timed(timings, Phase.DATA, () -> validation.run(asOf,
                    asOf.minusDays(settings.lookbackDays()), spec.daysPerWindow() + 2, loaded.bars(), data.takeFindings()));
            Map<Instrument, BarSeries> bars = validated.bars();
            ModelRouting routing = modelsReady != null ? join(modelsReady, "loading the forecasting model")
                    : Objects.requireNonNull(models, "no loader runs only when an earlier cycle loaded the models");
            models = routing;
            ForecastStage.Result forecasts = timed(timings, Phase.FORECASTING,
                    () -> forecastStage.run(routing, bars, spec));
            timings.note(Phase.FORECASTING, String.format(Locale.ROOT, "%d cached, %d computed", forecasts.cached(),
                    forecasts.computed()));
            Backtests backtests = timed(timings, Phase.BACKTESTS, () -> backtest(bars, forecasts.paths(), spec));
            // A symbol fails in at most one phase (it drops out of the later ones); listed in phase order.
            List<SymbolDecision> failed = new ArrayList<>(loaded.failed());
            failed.addAll(validated.failed());
            failed.addAll(forecasts.failed());
            failed.addAll(backtests.failed());

            Map<Instrument, Double> lastClose = new HashMap<>();
            bars.forEach((i, b) -> lastClose.put(i, b.close()[b.size() - 1]));
            // Reconcile first: fills since the last cycle and order statuses decide what Sextant owns now.
            OrderPhase orderPhase = new OrderPhase(broker, ledger, cycleId, ids, orderSettings, clock);
            List<PositionPlan> plans = timed(timings, Phase.ORDERS, () -> {
                orderPhase.reconcile();
                return new PlanStatusKeeper(broker, ledger, clock).update();
            });
            Account account = timed(timings, Phase.DECISIONS, broker::account);
            List<Position> positions = timed(timings, Phase.DECISIONS, broker::positions);
            List<Position> ownPositions = orderPhase.ownPositions(positions);
            EntryStatus entries = orderSettings.entryGate().entries();
            // Picked and sized first (a managed position holds its slot), then gated by the kill switch, then each
            // position under a plan is managed by that plan rather than by today's pick.
            Map<Instrument, PositionPlan> managed = ManagedDecisions.managing(plans, ownPositions);
            List<SymbolDecision> decisions = timed(timings, Phase.DECISIONS, () -> {
                List<SymbolDecision> picked = ValidationStage.withWarnings(decide(backtests.done(), forecasts.modelIds(),
                        lastClose, failed, account, ownPositions, managed.keySet()), validated.warnings());
                return ManagedDecisions.apply(gated(picked, entries, ownPositions), managed, ownPositions, asOf,
                        orderSettings.calendars());
            });
            List<OrderEvent> events = timed(timings, Phase.ORDERS, () -> orderPhase.run(asOf, decisions, lastClose, scope));
            List<Fill> fills = orderPhase.fills();

            timed(timings, Phase.LEDGER, () -> {
                ledger.recordBacktests(cycleId, backtests.done());
                ledger.recordDecisions(cycleId, decisions);
                ledger.recordAccount(cycleId, clock.instant(), account);
                return null;
            });
            listener.finished();
            CycleStatus status = CycleStatus.of(decisions.stream().filter(d -> d.action() == Action.ERROR).count(),
                    events.stream().filter(e -> e.outcome() == OrderOutcome.FAILED).count());
            long finishStart = System.nanoTime();
            timings.setTotal(finishStart - start);
            ledger.finishCycle(cycleId, clock.instant(), status, timings, summary(decisions, events));
            timings.add(Phase.LEDGER, System.nanoTime() - finishStart);
            timings.setTotal(System.nanoTime() - start);
            return new CycleReport(cycleId, asOf, status, timings, backtests.done(), decisions, events, fills, account, positions,
                    forecasts.cached(), forecasts.computed(), validated.warnings(), Map.copyOf(lastClose));
        } catch (RuntimeException e) {
            timings.setTotal(System.nanoTime() - start);
            try {
                ledger.finishCycle(cycleId, clock.instant(), CycleStatus.FAILED, timings, "failed: " + e.getMessage());
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            listener.finished();
            throw e;
        }
    }

    /**
     * Books into the ledger what the broker filled since the last cycle, and nothing else: no bars, no decisions, no
     * orders. The end of a replay: the last session's orders meet its bar only after that session's cycle. Recorded as a
     * cycle of its own (0 symbols, summary "settlement only"), so the ledger ends equal to the broker.
     */
    public List<Fill> settle(LocalDate asOf) {
        PhaseTimings timings = new PhaseTimings();
        long start = System.nanoTime();
        long cycleId = ledger.startCycle(clock.instant(), asOf, broker.name(), dataSource, settings.modelSpec(), 0);
        try {
            OrderPhase phase = new OrderPhase(broker, ledger, cycleId, ids, orderSettings, clock);
            timed(timings, Phase.ORDERS, () -> {
                phase.reconcile();
                return new PlanStatusKeeper(broker, ledger, clock).update();
            });
            ledger.recordAccount(cycleId, clock.instant(), broker.account());
            timings.setTotal(System.nanoTime() - start);
            ledger.finishCycle(cycleId, clock.instant(), CycleStatus.OK, timings, "settlement only");
            return phase.fills();
        } catch (RuntimeException e) {
            timings.setTotal(System.nanoTime() - start);
            ledger.finishCycle(cycleId, clock.instant(), CycleStatus.FAILED, timings, "failed: " + e.getMessage());
            throw e;
        }
    }

    private ModelRouting loadModels(PhaseTimings timings) throws Exception {
        long t = System.nanoTime();
        ModelRouting m = modelLoader.call();
        timings.add(Phase.MODEL_LOAD, System.nanoTime() - t);
        t = System.nanoTime();
        for (Forecaster f : m.all()) {
            f.warmUp(WARM_UP_BATCH);
        }
        timings.add(Phase.WARM_UP, System.nanoTime() - t);
        return m;
    }

    /** The backtests that ran, sorted by symbol, and an error decision for each symbol whose backtest threw. */
    private record Backtests(List<SymbolBacktest> done, List<SymbolDecision> failed) {
    }

    private Backtests backtest(Map<Instrument, BarSeries> bars, Map<Instrument, ForecastPath> paths, BacktestSpec spec) {
        List<Instrument> symbols = new ArrayList<>(paths.keySet());
        symbols.sort(Comparator.comparing(Instrument::symbol));
        List<Future<SymbolBacktest>> futures = new ArrayList<>();
        for (Instrument inst : symbols) {
            futures.add(pool.submit(() -> {
                try {
                    return SymbolBacktester.run(Objects.requireNonNull(bars.get(inst), "paths are keyed by symbols with bars"),
                            Objects.requireNonNull(paths.get(inst), "symbols come from paths"), spec, memo);
                } finally {
                    listener.symbolDone(inst.symbol());
                }
            }));
        }
        List<SymbolBacktest> out = new ArrayList<>();
        List<SymbolDecision> failed = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            try {
                out.add(futures.get(i).get());
            } catch (ExecutionException | InterruptedException e) {
                Throwable cause = Failures.cause(e);
                LOG.warn("{}: backtest failed", symbols.get(i), cause);
                failed.add(SymbolDecision.error(symbols.get(i), "backtest: " + Failures.message(cause)));
            }
        }
        return new Backtests(out, failed);
    }

    private List<SymbolDecision> decide(List<SymbolBacktest> backtests, Map<Instrument, String> modelIds,
                                        Map<Instrument, Double> lastClose, List<SymbolDecision> failed,
                                        Account account, List<Position> positions, Set<Instrument> managed) {
        StrategySelector selector = new StrategySelector(settings);
        List<SymbolDecision> chosen = new ArrayList<>();
        for (SymbolBacktest bt : backtests) {
            chosen.add(selector.choose(bt, modelIds.getOrDefault(bt.instrument(), "?"),
                    lastClose.getOrDefault(bt.instrument(), Double.NaN)));
        }
        chosen.addAll(failed);
        return new PortfolioBuilder(settings, broker.reportsFillsAtOnce()).build(chosen, account, positions, managed);
    }

    /**
     * The kill switch, applied to the decisions so that the ledger and the report say why nothing was entered: while
     * entries are stopped, a decision that would open exposure (no own position, or one on the other side) becomes
     * a skip. The order phase then places no entry and cancels open entry orders, and still closes a position on the
     * other side; a held position keeps its take-profit. Asked once per cycle, so every symbol sees the same answer.
     */
    static List<SymbolDecision> gated(List<SymbolDecision> decisions, EntryStatus entries, List<Position> ownPositions) {
        if (entries.entriesAllowed()) {
            return decisions;
        }
        LOG.warn("new entries stopped: {}", entries.reason());
        Map<Instrument, Position> held = new HashMap<>();
        ownPositions.forEach(p -> held.put(p.instrument(), p));
        List<SymbolDecision> out = new ArrayList<>(decisions.size());
        for (SymbolDecision d : decisions) {
            Position p = held.get(d.instrument());
            boolean opens = d.trades() && (p == null || Math.abs(p.qty()) < 1e-9 || p.side() != d.side());
            out.add(opens ? d.with(Action.SKIP, 0, "not entering: " + entries.reason() + "; " + d.reason()) : d);
        }
        return out;
    }

    private static String summary(List<SymbolDecision> decisions, List<OrderEvent> events) {
        Map<String, Integer> actions = new TreeMap<>();
        decisions.forEach(d -> actions.merge(d.action().key(), 1, Integer::sum));
        Map<String, Integer> orders = new TreeMap<>();
        events.forEach(e -> orders.merge(e.event(), 1, Integer::sum));
        return "decisions " + actions + ", orders " + orders;
    }

    private static <T> T join(Future<T> f, String what) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = Failures.cause(e);
            throw new IllegalStateException(what + " failed: " + Failures.message(c), c);
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

    @Override
    public void close() {
        pool.shutdownNow();
        ModelRouting loaded = models;
        if (loaded != null) {
            for (Forecaster f : loaded.all()) {
                f.close();
            }
        }
    }
}
