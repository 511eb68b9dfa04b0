package sextant.app;

import picocli.CommandLine.Option;

/** The options of the commands that trade a universe ({@code cycle}, {@code replay}): where bars and symbols come from. */
final class UniverseOptions {
    @Option(names = "--data", paramLabel = "synthetic|csv|alpaca", description = "Overrides data.source.")
    String data;

    @Option(names = "--universe-from-data",
            description = "Trade every symbol of the CSV directory (sets universe.from-data; needs data.source csv).")
    boolean fromData;

    /** {@code cfg} with {@code --data}. */
    SextantConfig apply(SextantConfig cfg) {
        return cfg.withDataSource(data);
    }

    /** The symbols to trade; {@code cfg} already has {@link #apply} applied. */
    UniverseChoice choose(SextantConfig cfg) {
        return UniverseChoice.resolve(cfg, fromData);
    }
}
