package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.backtest.StrategyId;
import sextant.core.cycle.Action;
import sextant.core.cycle.SymbolDecision;
import sextant.core.gate.EntryStatus;
import sextant.core.market.Instrument;
import sextant.core.order.Position;
import sextant.core.order.Side;

/** {@link CycleEngine#gated}: what the kill switch turns into a skip, and what it leaves alone. */
class KillSwitchGateTest {
    private static final Instrument FLAT = Instrument.stock("AAA");
    private static final Instrument LONG_HELD = Instrument.stock("BBB");
    private static final Instrument SHORT_HELD = Instrument.stock("CCC");
    private static final List<Position> OWN = List.of(new Position(LONG_HELD, 10, 50, 51),
            new Position(SHORT_HELD, -4, 20, 19));

    private static SymbolDecision decision(Instrument inst, Action action, Side side) {
        return new SymbolDecision(inst, action, StrategyId.SIMPLE, side, 0.002, 100, 102, 5, "picked", false, false);
    }

    @Test
    void stoppedEntriesBecomeSkipsThatSayWhy() {
        List<SymbolDecision> in = List.of(decision(FLAT, Action.TRADE, Side.BUY),
                decision(LONG_HELD, Action.HOLD, Side.BUY),
                decision(SHORT_HELD, Action.TRADE, Side.BUY));
        List<SymbolDecision> out = CycleEngine.gated(in, EntryStatus.stopped("kill switch on (KILL): outage"), OWN);

        assertThat(out.get(0).action()).isEqualTo(Action.SKIP);
        assertThat(out.get(0).qty()).isZero();
        assertThat(out.get(0).reason()).isEqualTo("not entering: kill switch on (KILL): outage; picked");
        assertThat(out.get(1)).as("a held position keeps its plan and take-profit").isEqualTo(in.get(1));
        // A flip: the opposite entry is dropped; the skip closes the short it holds.
        assertThat(out.get(2).action()).isEqualTo(Action.SKIP);
        assertThat(out.get(2).reason()).startsWith("not entering: kill switch on");
    }

    @Test
    void allowedChangesNothing() {
        List<SymbolDecision> in = List.of(decision(FLAT, Action.TRADE, Side.SELL));
        assertThat(CycleEngine.gated(in, EntryStatus.ALLOWED, OWN)).isSameAs(in);
    }
}
