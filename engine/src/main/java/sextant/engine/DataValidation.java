package sextant.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import sextant.core.market.DataRule;

/**
 * Which data findings stop a symbol ({@link Severity#ERROR}: error decision, its positions and orders left alone),
 * which only warn, and which are ignored. Set by {@code data.validation} in the configuration.
 */
public record DataValidation(Map<DataRule, Severity> severities) {
    public enum Severity { ERROR, WARNING, OFF }

    public DataValidation {
        EnumMap<DataRule, Severity> all = new EnumMap<>(DataRule.class);
        for (DataRule r : DataRule.values()) {
            all.put(r, Severity.ERROR);
        }
        all.putAll(severities);
        // Nothing can be analysed from too few bars, whatever the configuration says.
        all.put(DataRule.TOO_FEW_BARS, Severity.ERROR);
        severities = Map.copyOf(all);
    }

    /** Every finding stops its symbol. */
    public static DataValidation strict() {
        return new DataValidation(Map.of());
    }

    public Severity severity(DataRule rule) {
        return Objects.requireNonNull(severities.get(rule), "the constructor gives every rule a severity");
    }
}
