package sextant.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import sextant.core.key.Keyed;
import sextant.core.market.Instrument;

class ActionTest {
    @Test
    void theKeysAreTheStringsEarlierLedgersHoldAndReadBack() {
        // The ledger and the HTML report read these exact texts; changing one orphans existing databases.
        assertThat(Action.values()).extracting(Action::key).containsExactly("trade", "hold", "skip", "error");
        for (Action a : Action.values()) {
            assertThat(Keyed.parse(Action.values(), a.key(), "decision action")).isEqualTo(a);
            assertThat(Keyed.parse(Action.values(), " " + a.key().toUpperCase(Locale.ROOT) + " ", "decision action")).isEqualTo(a);
        }
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Keyed.parse(Action.values(), "close", "decision action")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'close'").hasMessageContaining("known: trade, hold, skip, error");
    }

    @Test
    void onlyATradeTrades() {
        SymbolDecision skip = SymbolDecision.skip(Instrument.stock("AAA"), "no edge");
        assertThat(skip.action()).isEqualTo(Action.SKIP);
        assertThat(skip.trades()).isFalse();
        assertThat(skip.with(Action.TRADE, 5, "picked").trades()).isTrue();
    }
}
