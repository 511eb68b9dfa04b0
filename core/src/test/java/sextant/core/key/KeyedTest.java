package sextant.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sextant.core.backtest.StrategyId;
import sextant.core.cycle.CycleStatus;
import sextant.core.market.DataRule;
import sextant.core.order.OrderOutcome;
import sextant.core.order.PlanStatus;
import sextant.core.strategy.FillModel;

class KeyedTest {
    @Test
    void theKeysAreTheTextsLedgersAndConfigurationsAlreadyHold() {
        // Keys derived from constant names: renaming a constant would orphan existing databases and config files.
        assertThat(DataRule.values()).extracting(DataRule::key)
                .containsExactly("too-few-bars", "stale", "missing-sessions", "outlier", "restated");
        assertThat(FillModel.values()).extracting(FillModel::key).containsExactly("conservative", "original");
        assertThat(OrderOutcome.values()).extracting(OrderOutcome::key).containsExactly("submitted", "kept", "replaced",
                "cancelled", "cancel-pending", "filled-during-cancel", "reconciled", "refused", "failed", "left-alone",
                "already-present");
        assertThat(OrderOutcome.CANCEL_PENDING).hasToString("cancel-pending");
        assertThat(PlanStatus.values()).extracting(PlanStatus::key).containsExactly("pending", "open", "closed",
                "cancelled");
        assertThat(PlanStatus.fromKey("open")).isEqualTo(PlanStatus.OPEN);
    }

    @Test
    void everyKeyedEnumReadsItsKeysBackWhateverTheCaseAndSpacing() {
        for (OrderOutcome o : OrderOutcome.values()) {
            assertThat(Keyed.parse(OrderOutcome.values(), " " + o.key().toUpperCase(java.util.Locale.ROOT) + "\t", "order outcome")).isEqualTo(o);
        }
        assertThat(Keyed.parse(DataRule.values(), "Missing-Sessions", "data rule")).isEqualTo(DataRule.MISSING_SESSIONS);
        assertThat(StrategyId.fromKey("MaxDiffAlwaysOn")).isEqualTo(StrategyId.MAXDIFF_ALWAYS_ON);
        assertThat(FillModel.fromKey(" original ")).isEqualTo(FillModel.ORIGINAL);
        assertThat(CycleStatus.fromKey("SYMBOL_ERRORS")).isEqualTo(CycleStatus.SYMBOL_ERRORS);
        assertThat(Keyed.find(FillModel.values(), null)).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefusedNamingWhatWasAskedAndEveryKnownKey() {
        assertThatThrownBy(() -> FillModel.fromKey("optimistic")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fill model 'optimistic'; known: conservative, original");
        assertThatThrownBy(() -> StrategyId.fromKey(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown strategy 'null'").hasMessageContaining("maxdiffalwayson, pctdiff");
        assertThatThrownBy(() -> Keyed.parse(DataRule.values(), "gaps", "data rule")).hasMessage("unknown data rule 'gaps'; known: "
                + "too-few-bars, stale, missing-sessions, outlier, restated");
    }
}
