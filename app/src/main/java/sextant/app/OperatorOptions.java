package sextant.app;

import java.time.LocalDate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that act on Sextant's orders outside a cycle ({@code flatten}, {@code cancel-all}). */
final class OperatorOptions {
    @Mixin
    CommonOptions common;

    @Mixin
    ModeOptions mode;

    @Option(names = "--confirm-live", description = "Confirms that --live may send real-money orders.")
    boolean confirmLive;

    @Option(names = "--yes", description = "Do it without asking (needed where there is no terminal to ask on).")
    boolean yes;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = CycleDateConverter.class,
            description = "Paper broker only: the date the orders are for, as the paper cycles were run (default: today, UTC).")
    LocalDate asOf;
}
