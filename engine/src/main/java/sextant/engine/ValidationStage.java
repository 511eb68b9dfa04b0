package sextant.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.BarSeries;
import sextant.core.market.DataFinding;
import sextant.core.market.Instrument;

/**
 * Data validation, a stage of its own between bars and forecasts: every symbol's bars go through
 * {@link BarValidator}, and the data source's own findings (a cache that saw restated history) are added. A finding
 * whose rule is an error under {@link DataValidation} stops that symbol with an {@code error} decision that names
 * the rule and the date; a warning lets it through and is reported; the other symbols always go on.
 */
final class ValidationStage {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationStage.class);

    /**
     * The symbols that passed, an error decision for each refused one, and the warnings about them (and about
     * symbols stopped for other reasons).
     */
    record Result(Map<Instrument, BarSeries> bars, List<SymbolDecision> failed, List<DataFinding> warnings) {
    }

    /** The decisions with each symbol's data warnings added to its reason, so the ledger keeps them. */
    static List<SymbolDecision> withWarnings(List<SymbolDecision> decisions, List<DataFinding> warnings) {
        if (warnings.isEmpty()) {
            return decisions;
        }
        List<SymbolDecision> out = new ArrayList<>();
        for (SymbolDecision d : decisions) {
            String notes = warnings.stream().filter(w -> w.instrument().equals(d.instrument()))
                    .map(DataFinding::describe).collect(Collectors.joining("; "));
            out.add(notes.isEmpty() ? d : d.with(d.action(), d.qty(), d.reason() + " (data warning: " + notes + ")"));
        }
        return out;
    }

    private final DataValidation policy;
    private final CycleListener listener;

    ValidationStage(DataValidation policy, CycleListener listener) {
        this.policy = policy;
        this.listener = listener;
    }

    Result run(LocalDate asOf, LocalDate from, int minBars, Map<Instrument, BarSeries> loaded,
               List<DataFinding> sourceFindings) {
        Map<Instrument, BarSeries> passed = new LinkedHashMap<>();
        List<SymbolDecision> failed = new ArrayList<>();
        List<DataFinding> warnings = new ArrayList<>();
        for (Map.Entry<Instrument, BarSeries> e : loaded.entrySet()) {
            Instrument inst = e.getKey();
            List<DataFinding> findings = new ArrayList<>();
            sourceFindings.stream().filter(f -> f.instrument().equals(inst)).forEach(findings::add);
            findings.addAll(BarValidator.check(e.getValue(), from, asOf, minBars));
            List<DataFinding> errors = new ArrayList<>();
            for (DataFinding f : findings) {
                switch (policy.severity(f.rule())) {
                    case ERROR -> errors.add(f);
                    case WARNING -> warnings.add(f);
                    case OFF -> { }
                }
            }
            if (errors.isEmpty()) {
                passed.put(inst, e.getValue());
            } else {
                LOG.warn("{}: data refused: {}", inst, errors);
                failed.add(SymbolDecision.error(inst, "data: "
                        + errors.stream().map(DataFinding::describe).collect(Collectors.joining("; "))));
                listener.symbolDone(inst.symbol());
            }
        }
        // A source finding about a symbol that failed to load is still worth a warning.
        for (DataFinding f : sourceFindings) {
            if (!loaded.containsKey(f.instrument())) {
                warnings.add(f);
            }
        }
        warnings.forEach(w -> LOG.warn("{}: data warning: {}", w.instrument(), w.describe()));
        return new Result(passed, failed, warnings);
    }
}
