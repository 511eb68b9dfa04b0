package sextant.data;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Where the synthetic market puts the default universe's symbols, so that a first run shows prices a trader
 * recognises. Each level is roughly the symbol's real price in 2025 (rounded; a guide, not a quote); the synthetic
 * close on {@link #ANCHOR} is scaled to it. Each symbol's long-run daily volatility is drawn (seeded) from the
 * realistic range of its kind of asset. Symbols not listed here keep a seeded level of their own.
 */
final class ReferenceLevels {
    /** The date whose synthetic close equals the reference level. */
    static final LocalDate ANCHOR = LocalDate.of(2025, 12, 31);

    /** Kinds of asset, each with the range of long-run daily volatility (standard deviation of log returns). */
    enum Kind {
        INDEX_FUND(0.009, 0.013),
        GOLD(0.008, 0.011),
        LARGE_CAP(0.013, 0.022),
        GROWTH(0.030, 0.040),
        SPECULATIVE(0.055, 0.070),
        BITCOIN(0.025, 0.032),
        ETHER(0.035, 0.042),
        ALT_COIN(0.045, 0.055);

        final double minVol;
        final double maxVol;

        Kind(double minVol, double maxVol) {
            this.minVol = minVol;
            this.maxVol = maxVol;
        }

        /** A volatility in this kind's range; {@code u} in [0, 1) is the seeded draw. */
        double vol(double u) {
            return minVol + (maxVol - minVol) * u;
        }
    }

    record Reference(double level, Kind kind) {
    }

    private static final Map<String, Reference> LEVELS = Map.ofEntries(
            Map.entry("SPY", new Reference(650, Kind.INDEX_FUND)),
            Map.entry("VTI", new Reference(320, Kind.INDEX_FUND)),
            Map.entry("QQQ", new Reference(590, Kind.INDEX_FUND)),
            Map.entry("GLD", new Reference(360, Kind.GOLD)),
            Map.entry("EQIX", new Reference(800, Kind.LARGE_CAP)),
            Map.entry("GS", new Reference(750, Kind.LARGE_CAP)),
            Map.entry("COST", new Reference(950, Kind.LARGE_CAP)),
            Map.entry("CRM", new Reference(250, Kind.LARGE_CAP)),
            Map.entry("AXP", new Reference(320, Kind.LARGE_CAP)),
            Map.entry("BA", new Reference(210, Kind.LARGE_CAP)),
            Map.entry("GE", new Reference(280, Kind.LARGE_CAP)),
            Map.entry("LLY", new Reference(800, Kind.LARGE_CAP)),
            Map.entry("AVGO", new Reference(320, Kind.LARGE_CAP)),
            Map.entry("MCD", new Reference(300, Kind.LARGE_CAP)),
            Map.entry("V", new Reference(340, Kind.LARGE_CAP)),
            Map.entry("MA", new Reference(570, Kind.LARGE_CAP)),
            Map.entry("SAP", new Reference(260, Kind.LARGE_CAP)),
            Map.entry("ADBE", new Reference(350, Kind.LARGE_CAP)),
            Map.entry("INTC", new Reference(35, Kind.LARGE_CAP)),
            Map.entry("SHOP", new Reference(150, Kind.GROWTH)),
            Map.entry("PLTR", new Reference(170, Kind.GROWTH)),
            Map.entry("COUR", new Reference(9, Kind.GROWTH)),
            Map.entry("QUBT", new Reference(14, Kind.SPECULATIVE)),
            Map.entry("BTCUSD", new Reference(95_000, Kind.BITCOIN)),
            Map.entry("ETHUSD", new Reference(3_500, Kind.ETHER)),
            Map.entry("UNIUSD", new Reference(7, Kind.ALT_COIN)),
            Map.entry("LINKUSD", new Reference(15, Kind.ALT_COIN)));

    private ReferenceLevels() {
    }

    static Optional<Reference> of(String symbol) {
        return Optional.ofNullable(LEVELS.get(symbol));
    }

    static Map<String, Reference> all() {
        return LEVELS;
    }
}
