package sextant.app;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import sextant.core.forecast.ForecastStore;
import sextant.core.market.Instrument;
import sextant.core.port.Broker;
import sextant.core.port.EntryGate;
import sextant.core.port.MarketData;
import sextant.engine.CycleEngine;
import sextant.engine.CycleListener;
import sextant.engine.CycleSettings;
import sextant.engine.ModelRouting;
import sextant.engine.OrderSettings;
import sextant.store.Database;
import sextant.store.SqliteForecastStore;
import sextant.store.SqliteLedger;

/**
 * Assembles a {@link CycleEngine} from the configuration and a state database ({@link Wiring#engine}). The
 * defaults are what {@code sextant cycle} runs; a command changes only what really differs for it (a replay's
 * forecast store, controls and session clock; a cycle's kill switch and progress bar), so that every command runs
 * the same engine.
 */
final class EngineBuilder {
    private final Database db;
    private final MarketData data;
    private final Broker broker;
    private Callable<ModelRouting> models;
    private ForecastStore forecasts;
    private CycleSettings settings;
    private OrderSettings orders;
    private CycleListener listener = CycleListener.NONE;
    private Clock clock = Wiring.clock();

    EngineBuilder(SextantConfig cfg, Database db, MarketData data, Broker broker, List<Instrument> universe) {
        this.db = db;
        this.data = data;
        this.broker = broker;
        List<Instrument> symbols = List.copyOf(universe);
        this.models = () -> Models.load(cfg, symbols);
        this.forecasts = new SqliteForecastStore(db);
        this.settings = Wiring.settings(cfg);
        this.orders = Wiring.orderSettings(cfg);
    }

    /**
     * What a replay variant changes: its models ({@code loader}, the configured ones or a control's), the forecast
     * store it shares with the other variants (in memory), its settings (the control's model spec, the gate cells'
     * thread count) and the session clock the ledger's timestamps come from.
     */
    EngineBuilder replay(Callable<ModelRouting> loader, ForecastStore store, CycleSettings s, Clock sessionClock) {
        this.models = loader;
        this.forecasts = store;
        this.settings = s;
        this.clock = sessionClock;
        return this;
    }

    /** Asks {@code gate} (the kill switch) before any entry is placed. */
    EngineBuilder entryGate(EntryGate gate) {
        this.orders = orders.withEntryGate(gate);
        return this;
    }

    /**
     * What {@code sextant run} changes: the loop's clock stamps the ledger, and its order settings carry the kill
     * switch and the calendars a plan's time stop counts.
     */
    EngineBuilder runLoop(Clock loopClock, OrderSettings loopOrders) {
        this.clock = loopClock;
        this.orders = loopOrders;
        return this;
    }

    EngineBuilder listener(CycleListener l) {
        this.listener = l;
        return this;
    }

    CycleEngine build() {
        return new CycleEngine(data, models, forecasts, broker, new SqliteLedger(db), settings, orders, listener, clock);
    }
}
