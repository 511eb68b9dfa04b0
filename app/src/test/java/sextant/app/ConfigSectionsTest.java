package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.backtest.StrategyId;
import sextant.core.market.DataRule;
import sextant.core.strategy.FillModel;
import sextant.engine.DataValidation;
import sextant.onnx.ExecutionProvider;

/** Every section of sextant.yaml is parsed once into its record, and each record refuses what is out of range. */
class ConfigSectionsTest {
    @TempDir
    Path dir;

    @Test
    void everySectionArrivesAsTypedValuesAndReachesTheEngineSettings() {
        SextantConfig cfg = SextantConfig.load(null, List.of("state.dir=acct", "data.source=csv", "data.csv-dir=bars",
                "data.validation.stale=warning", "data.validation.outlier=off", "forecast.model-store=hp",
                "forecast.onnx-provider=cuda", "backtest.fill-model=original", "strategies.enabled=[maxdiff, pctdiff]",
                "broker.type=alpaca", "alpaca.key-file=keys.env", "alpaca.requests-per-minute=120", "engine.threads=-3",
                "universe.on-removal=keep", "universe.stocks=[spy]", "universe.crypto=[btc/usd]",
                "alerts.webhook-url=https://hooks.example/sextant", "paper.hard-to-borrow=[gme]"));
        assertThat(cfg.state().dir()).isEqualTo(Path.of("acct"));
        assertThat(cfg.data().source()).isEqualTo(DataSource.CSV);
        assertThat(cfg.data().csvDir()).isEqualTo(Path.of("bars"));
        assertThat(cfg.data().validation().severity(DataRule.STALE)).isEqualTo(DataValidation.Severity.WARNING);
        assertThat(cfg.data().validation().severity(DataRule.OUTLIER)).isEqualTo(DataValidation.Severity.OFF);
        assertThat(cfg.data().validation().severity(DataRule.RESTATED)).isEqualTo(DataValidation.Severity.ERROR);
        assertThat(cfg.forecast().modelStore()).contains(Path.of("hp"));
        assertThat(cfg.forecast().describe()).isEqualTo("range-vol (per-symbol store hp)");
        assertThat(cfg.forecast().onnxProvider()).isEqualTo(ExecutionProvider.CUDA);
        assertThat(cfg.backtest().fillModel()).isEqualTo(FillModel.ORIGINAL);
        assertThat(cfg.strategies().enabled()).containsExactlyInAnyOrder(StrategyId.MAXDIFF, StrategyId.PCTDIFF);
        assertThat(cfg.broker().type()).isEqualTo(BrokerType.ALPACA);
        assertThat(cfg.alpaca()).isEqualTo(new AlpacaSettings(Optional.of(Path.of("keys.env")), 120));
        assertThat(cfg.engine().threads()).as("a negative count means one per core, as 0 does").isZero();
        assertThat(cfg.universe().onRemoval()).isEqualTo(UniverseConfig.OnRemoval.KEEP);
        assertThat(cfg.listedUniverse()).extracting(i -> i.symbol() + (i.isCrypto() ? ":crypto" : ":stock"))
                .containsExactly("SPY:stock", "BTCUSD:crypto");
        assertThat(cfg.alerts().webhookUrl()).contains(URI.create("https://hooks.example/sextant"));
        assertThat(cfg.paper().hardToBorrow()).containsExactly("GME");

        var settings = Wiring.settings(cfg);
        assertThat(settings.fillModel()).isEqualTo(FillModel.ORIGINAL);
        assertThat(settings.validation()).isEqualTo(cfg.data().validation());
        assertThat(settings.modelSpec()).isEqualTo("range-vol (per-symbol store hp)");
        assertThat(settings.shortsAllowed()).as("an Alpaca account's own flags decide shorts").isTrue();
        assertThat(Wiring.orderSettings(cfg).windDownRemoved()).isFalse();
        assertThat(Wiring.settings(cfg.withBroker(BrokerType.PAPER)).shortsAllowed())
                .as("the default paper account is a cash account").isFalse();
    }

    @Test
    void aValueOutOfRangeIsRefusedByItsSectionNamingTheSourceAndTheKey() throws Exception {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("backtest.windows=0", "'backtest.windows' must be at least 1, got 0"),
                Map.entry("backtest.fill-model=optimistic", "backtest.fill-model: unknown fill model 'optimistic';"
                        + " known: conservative, original"),
                Map.entry("data.source=ftp", "'data.source' must be synthetic, csv or alpaca, got 'ftp'"),
                Map.entry("data.lookback-days=0", "'data.lookback-days' must be at least 1, got 0"),
                Map.entry("data.validation.stale=loud", "'data.validation.stale' must be error, warning or off, got 'loud'"),
                Map.entry("broker.type=ibkr", "'broker.type' must be paper or alpaca, got 'ibkr'"),
                Map.entry("alpaca.requests-per-minute=0", "'alpaca.requests-per-minute' must be at least 1, got 0"),
                Map.entry("engine.order-id-prefix=sx-1", "'engine.order-id-prefix' must be 1-8 letters or digits, got 'sx-1'"),
                Map.entry("forecast.batch=0", "'forecast.batch' must be >= 1, got 0"),
                Map.entry("forecast.onnx-provider=tpu", "'forecast.onnx-provider' must be cpu or cuda, got 'tpu'"),
                Map.entry("strategies.edge-z=11", "'strategies.edge-z' must be in [0, 10], got 11.0"),
                Map.entry("strategies.enabled=[buy_hold]", "strategies.enabled: buy_hold is report-only and cannot be traded"),
                Map.entry("strategies.enabled=[pctdiff]", "strategies.enabled: pctdiff has no conservative backtest (it"
                        + " books same-bar round trips a daily bar cannot prove); remove it, or set backtest.fill-model:"
                        + " original to trade on the original's numbers"),
                Map.entry("universe.on-removal=sell", "'universe.on-removal' must be close or keep, got 'sell'"),
                Map.entry("universe.crypto=[SPY]", "symbol SPY is listed in both universe.stocks and universe.crypto"
                        + " (or twice); keep one"),
                Map.entry("paper.initial-cash=0", "paper.initial-cash must be > 0, got 0.0"));
        refused.forEach((set, message) -> assertThatThrownBy(() -> SextantConfig.load(null, List.of(set)))
                .as(set).isInstanceOf(ConfigException.class).hasMessage("built-in defaults: " + message));

        Path file = Files.writeString(dir.resolve("sextant.yaml"), "backtest:\n  days-per-window: 0\n");
        assertThatThrownBy(() -> SextantConfig.load(file, List.of())).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": 'backtest.days-per-window' must be at least 1, got 0");
        assertThatThrownBy(() -> SextantConfig.load(null, List.of("universe.stocks=[]", "universe.crypto=[]"))
                .listedUniverse()).hasMessage("built-in defaults: universe.stocks and universe.crypto are both empty");
    }

    @Test
    void theCommandLinesBrokerAndDataAreCheckedAsTheKeysAreAndChangeNothingElse() {
        SextantConfig cfg = SextantConfig.defaults();
        assertThat(cfg.withBroker((String) null)).isSameAs(cfg);
        assertThat(cfg.withDataSource(null)).isSameAs(cfg);
        SextantConfig alpaca = cfg.withBroker("alpaca").withDataSource("csv");
        assertThat(alpaca.broker().type()).isEqualTo(BrokerType.ALPACA);
        assertThat(alpaca.data().source()).isEqualTo(DataSource.CSV);
        assertThat(alpaca.portfolio()).isEqualTo(cfg.portfolio());
        assertThat(alpaca.data().validation()).isEqualTo(cfg.data().validation());
        assertThatThrownBy(() -> cfg.withBroker("ibkr")).isInstanceOf(ConfigException.class)
                .hasMessage("built-in defaults: 'broker.type' must be paper or alpaca, got 'ibkr'");
        assertThatThrownBy(() -> cfg.withDataSource("yahoo")).isInstanceOf(ConfigException.class)
                .hasMessage("built-in defaults: 'data.source' must be synthetic, csv or alpaca, got 'yahoo'");
    }
}
