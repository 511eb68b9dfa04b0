package sextant.core.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CycleStatusTest {
    @Test
    void theStatusFollowsFromWhatFailedAndOnlyOkExitsZero() {
        assertThat(CycleStatus.of(0, 0)).isEqualTo(CycleStatus.OK);
        assertThat(CycleStatus.of(35, 0)).isEqualTo(CycleStatus.SYMBOL_ERRORS);
        assertThat(CycleStatus.of(1, 2)).isEqualTo(CycleStatus.ORDER_FAILURES);
        for (CycleStatus s : CycleStatus.values()) {
            assertThat(s.exitCode()).as(s.key()).isEqualTo(s == CycleStatus.OK ? 0 : 2);
            assertThat(CycleStatus.fromKey(s.key())).isEqualTo(s);
        }
    }

    @Test
    void statusesStoredBeforeTheEnumStillRead() {
        assertThat(CycleStatus.fromKey("completed with order failures")).isEqualTo(CycleStatus.ORDER_FAILURES);
        assertThat(CycleStatus.fromKey("failed: account: HTTP 503 after 4 attempts")).isEqualTo(CycleStatus.FAILED);
        assertThatThrownBy(() -> CycleStatus.fromKey("great")).hasMessage("unknown cycle status 'great'");
    }
}
