package sextant.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import sextant.core.market.DataRule;
import sextant.engine.DataValidation;

/**
 * The {@code data} section.
 *
 * @param source        where bars come from
 * @param csvDir        the directory searched for {@code <SYMBOL>.csv} (used with {@link DataSource#CSV})
 * @param syntheticSeed the synthetic market's seed: the same seed always gives the same market
 * @param lookbackDays  calendar days of history loaded per cycle, at least 1
 * @param validation    which data findings stop a symbol ({@code data.validation})
 */
record DataConfig(DataSource source, Path csvDir, int syntheticSeed, int lookbackDays, DataValidation validation) {
    DataConfig {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("'data.lookback-days' must be at least 1, got " + lookbackDays);
        }
    }

    /** The same section with the command line's {@code --data}. */
    DataConfig withSource(DataSource s) {
        return new DataConfig(s, csvDir, syntheticSeed, lookbackDays, validation);
    }

    static DataConfig from(ConfigTree t) {
        return new DataConfig(DataSource.parse(t.string("data.source")), Path.of(t.string("data.csv-dir")),
                t.integer("data.synthetic-seed"), t.integer("data.lookback-days"), validation(t));
    }

    /** {@code data.validation}: one severity (error, warning, off) per data rule. */
    private static DataValidation validation(ConfigTree t) {
        Map<DataRule, DataValidation.Severity> severities = new EnumMap<>(DataRule.class);
        for (DataRule rule : DataRule.values()) {
            if (rule == DataRule.TOO_FEW_BARS) {
                continue; // nothing can be analysed from too few bars: not configurable
            }
            String key = "data.validation." + rule.key();
            String value = t.string(key).trim().toLowerCase(Locale.ROOT);
            severities.put(rule, switch (value) {
                case "error" -> DataValidation.Severity.ERROR;
                case "warning", "warn" -> DataValidation.Severity.WARNING;
                case "off" -> DataValidation.Severity.OFF;
                default -> throw new IllegalArgumentException("'" + key + "' must be error, warning or off, got '"
                        + value + "'");
            });
        }
        return new DataValidation(severities);
    }
}
