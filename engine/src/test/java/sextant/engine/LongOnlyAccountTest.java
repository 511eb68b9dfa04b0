package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sextant.core.backtest.NextBarPlan;
import sextant.core.backtest.StrategyId;
import sextant.core.backtest.StrategyReport;
import sextant.core.backtest.SymbolBacktest;
import sextant.core.cycle.SymbolDecision;
import sextant.core.market.Instrument;
import sextant.core.order.Side;
import sextant.core.strategy.FillModel;

/** An account that cannot sell short (a cash account) is never planned a short, however good it looks. */
class LongOnlyAccountTest {

    @Test
    void aShortIsRefusedWhenTheAccountCannotShortAndTakenWhenItCan() {
        StrategyReport shortPlan = StrategySelectorTest.report(StrategyId.MAXDIFF, 0.01, 0.01, 0.0001,
                new NextBarPlan(Side.SELL, 101, 98, true, 0, 0, "maxdiff short"));
        SymbolBacktest bt = new SymbolBacktest(Instrument.stock("AAA"), 70, Map.of(StrategyId.MAXDIFF, shortPlan), 0, 0, 0);
        CycleSettings cash = new CycleSettings(70, 6, 900, EnumSet.of(StrategyId.MAXDIFF), 0.0001, 10, 0.1, 1.0, 1, "sx",
                "m", FillModel.CONSERVATIVE, 2, DataValidation.strict(), false);
        SymbolDecision refused = new StrategySelector(cash).choose(bt, "m", 100);
        assertThat(refused.trades()).isFalse();
        assertThat(refused.reason()).contains("the account cannot sell short");
        CycleSettings margin = new CycleSettings(70, 6, 900, EnumSet.of(StrategyId.MAXDIFF), 0.0001, 10, 0.1, 1.0, 1, "sx",
                "m", FillModel.CONSERVATIVE, 2, DataValidation.strict(), true);
        assertThat(new StrategySelector(margin).choose(bt, "m", 100).side()).isEqualTo(Side.SELL);
    }
}
