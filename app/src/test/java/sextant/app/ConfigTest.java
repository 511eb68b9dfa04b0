package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void committedExampleIsExactlyTheBuiltInDefaults() throws Exception {
        Path example = Path.of("../sextant.yaml"); // tests run in the app module directory
        try (var in = SextantConfig.class.getResourceAsStream(SextantConfig.DEFAULTS)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Files.readString(example));
        }
    }

    @Test
    void defaultUniverseIsTheOriginals27SymbolsWithOneCryptoList() {
        SextantConfig cfg = SextantConfig.load(null, List.of());
        var universe = cfg.listedUniverse();
        assertThat(universe).hasSize(27);
        assertThat(universe.stream().filter(i -> i.isCrypto()).map(i -> i.symbol()))
                .containsExactly("BTCUSD", "ETHUSD", "UNIUSD", "LINKUSD");
    }

    @Test
    void unknownKeyNamesTheKeyTheFileAndASuggestion() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), "portfolio:\n  max-positons: 3\n");
        assertThatThrownBy(() -> SextantConfig.load(f, List.of())).isInstanceOf(ConfigException.class)
                .hasMessage(f + ":2: unknown key 'portfolio.max-positons' (did you mean 'portfolio.max-positions'?)");
    }

    @Test
    void wrongTypesAreRejectedWithTheKey() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), "portfolio:\n  max-positions: ten\n");
        assertThatThrownBy(() -> SextantConfig.load(f, List.of()))
                .hasMessage(f + ":2: 'portfolio.max-positions' must be a whole number, got 'ten'");
        Path g = Files.writeString(dir.resolve("g.yaml"), "universe: [A]\n");
        assertThatThrownBy(() -> SextantConfig.load(g, List.of()))
                .hasMessage(g + ":1: 'universe' must be a section (mapping), got a list");
        assertThatThrownBy(() -> SextantConfig.load(null, List.of("broker.live=maybe")))
                .hasMessage("--set: 'broker.live' must be true or false, got 'maybe'");
        assertThatThrownBy(() -> SextantConfig.load(null, List.of("nope.key=1")))
                .hasMessage("--set nope.key: unknown key 'nope.key'");
    }

    @Test
    void overridesAndPartialFilesKeepDefaultsForMissingKeys() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), "portfolio:\n  max-positions: 3\n");
        SextantConfig cfg = SextantConfig.load(f, List.of("universe.crypto=[BTCUSD]", "paper.stock-fee=0.001"));
        assertThat(cfg.portfolio().maxPositions()).isEqualTo(3);
        assertThat(cfg.portfolio().positionFraction()).isEqualTo(0.1);
        assertThat(cfg.universe().listed().stream().filter(i -> i.isCrypto()).map(i -> i.symbol()))
                .containsExactly("BTCUSD");
        assertThat(cfg.paper().stockFeeRate()).isEqualTo(0.001);
    }

    @Test
    void thePortfolioSectionIsCheckedOnceIntoItsRecordAndReachesTheEngineSettings() {
        SextantConfig cfg = SextantConfig.load(null, List.of("portfolio.max-positions=4",
                "portfolio.position-fraction=0.25", "portfolio.max-gross-exposure=2"));
        assertThat(cfg.portfolio()).isEqualTo(new PortfolioConfig(4, 0.25, 2.0));
        var settings = Wiring.settings(cfg);
        assertThat(settings.maxPositions()).isEqualTo(4);
        assertThat(settings.positionFraction()).isEqualTo(0.25);
        assertThat(settings.maxGrossExposure()).isEqualTo(2.0);

        assertThatThrownBy(() -> SextantConfig.load(null, List.of("portfolio.max-positions=0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("built-in defaults: 'portfolio.max-positions' must be at least 1, got 0");
        assertThatThrownBy(() -> SextantConfig.load(null, List.of("portfolio.position-fraction=1.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("built-in defaults: 'portfolio.position-fraction' must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> new PortfolioConfig(10, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'portfolio.max-gross-exposure' must be in (0, 4], got 0.0");
    }

    @Test
    void configShowPrintsTheEffectiveConfigurationAndUsageErrorsExit1() {
        Cli show = Cli.run("config", "show", "--set", "portfolio.max-positions=4");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("max-positions: 4").contains("BTCUSD");
        Cli bad = Cli.run("cycle", "--no-such-option");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("Unknown option: '--no-such-option'");
        assertThat(Cli.run("cycle", "--help").out()).contains("--as-of").contains("Exit codes");
    }
}
