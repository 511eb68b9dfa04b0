package sextant.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.optimize.EntryExitOptimizer;
import sextant.core.optimize.GridSearchOptimizer;
import sextant.core.optimize.MultiplierFit;

/** All 175 golden windows of the original, both strategies (anchor-spec §5.4.4-5.4.5). */
class MaxDiffGoldenCasesTest {

    @Test
    void maxDiffMatchesEveryGoldenWindow() throws Exception {
        List<Path> files = Fixtures.windowCases();
        assertThat(files).hasSize(175);
        EntryExitOptimizer opt = new EntryExitOptimizer();
        int beaten = 0;
        for (Path f : files) {
            JsonNode c = Fixtures.read(f);
            int n = c.get("evaluated_days").asInt();
            JsonNode md = c.get("expected").get("maxdiff");
            JsonNode meta = md.get("meta");
            MaxDiff maxDiff = maxDiffOf(c);
            boolean eod = meta.get("maxdiff_close_at_eod").asBoolean();
            MaxDiffResult r = maxDiff.evaluateWith(1, n + 1, eod, meta.get("maxdiffprofit_profit_high_multiplier").asDouble(),
                    meta.get("maxdiffprofit_profit_low_multiplier").asDouble());
            String why = f.getFileName().toString();
            assertThat(r.tradesPositive()).as(why).isEqualTo(meta.get("maxdiff_trades_positive").asInt());
            assertThat(r.tradesNegative()).as(why).isEqualTo(meta.get("maxdiff_trades_negative").asInt());
            assertThat(r.invalidForecasts()).as(why).isEqualTo(meta.get("maxdiff_invalid_forecasts").asInt());
            assertThat(r.validForecasts()).as(why).isEqualTo(meta.get("maxdiff_valid_forecasts").asInt());
            assertThat(r.primarySide()).as(why).isEqualTo(meta.get("maxdiff_primary_side").asText());
            assertThat(r.tradeBias()).as(why).isCloseTo(meta.get("maxdiff_trade_bias").asDouble(), within(1e-9));
            assertThat(r.baselineReturn()).as(why).isCloseTo(meta.get("maxdiffprofit_baseline_return").asDouble(), within(1e-6));
            assertThat(r.daily()).as(why).containsExactly(Fixtures.doubles(md, "daily"), within(1e-6));
            assertThat(r.blendedReturn()).as(why).isCloseTo(md.get("total_return").asDouble(), within(1e-6));
            assertThat(r.turnover()).as(why).isCloseTo(meta.get("maxdiff_turnover").asDouble(), within(1e-6));
            MultiplierFit fit = opt.fit(maxDiff.problem(1, n + 1), eod);
            double ref = meta.get("maxdiffprofit_optimized_return").asDouble();
            assertThat(fit.value()).as(why).isGreaterThanOrEqualTo(ref - 1e-7);
            beaten += fit.value() > ref + 1e-6 ? 1 : 0;
        }
        // The exact search should beat the original's grid somewhere, or it is not searching.
        assertThat(beaten).isPositive();
    }

    @Test
    void alwaysOnMatchesEveryGoldenWindow() throws Exception {
        EntryExitOptimizer opt = new EntryExitOptimizer();
        for (Path f : Fixtures.windowCases()) {
            JsonNode c = Fixtures.read(f);
            int n = c.get("evaluated_days").asInt();
            JsonNode ao = c.get("expected").get("maxdiffalwayson");
            JsonNode meta = ao.get("meta");
            MaxDiffAlwaysOn s = new MaxDiffAlwaysOn(Fixtures.bands(c), c.get("is_crypto").asBoolean(),
                    c.get("fee").asDouble(), c.get("trading_days_per_year").asInt());
            boolean eod = meta.get("maxdiffalwayson_close_at_eod").asBoolean();
            AlwaysOnResult r = s.evaluateWith(1, n + 1, eod, meta.get("maxdiffalwayson_high_multiplier").asDouble(),
                    meta.get("maxdiffalwayson_low_multiplier").asDouble());
            String why = f.getFileName().toString();
            assertThat(r.daily()).as(why).containsExactly(Fixtures.doubles(ao, "daily"), within(1e-6));
            assertThat(r.baselineReturn()).as(why).isCloseTo(meta.get("maxdiffalwayson_baseline_return").asDouble(), within(1e-6));
            assertThat(r.buyContribution()).as(why).isCloseTo(meta.get("maxdiffalwayson_buy_contribution").asDouble(), within(1e-6));
            assertThat(r.sellContribution()).as(why).isCloseTo(meta.get("maxdiffalwayson_sell_contribution").asDouble(), within(1e-6));
            assertThat(r.filledBuyTrades()).as(why).isEqualTo(meta.get("maxdiffalwayson_filled_buy_trades").asInt());
            assertThat(r.filledSellTrades()).as(why).isEqualTo(meta.get("maxdiffalwayson_filled_sell_trades").asInt());
            assertThat(r.blendedReturn()).as(why).isCloseTo(ao.get("total_return").asDouble(), within(1e-6));
            MultiplierFit fit = opt.fit(s.problem(1, n + 1), eod);
            assertThat(fit.value()).as(why)
                    .isGreaterThanOrEqualTo(meta.get("maxdiffalwayson_optimized_return").asDouble() - 1e-7);
        }
    }

    @Test
    void blendedSharpeMatchesTheOriginalOnShortWindows() throws Exception {
        // Sharpe of near-constant float32 series is noisy, so compare the 6-day cases with a relative tolerance.
        int compared = 0;
        for (Path f : Fixtures.windowCases()) {
            JsonNode c = Fixtures.read(f);
            int n = c.get("evaluated_days").asInt();
            JsonNode md = c.get("expected").get("maxdiff");
            JsonNode meta = md.get("meta");
            MaxDiff maxDiff = maxDiffOf(c);
            MaxDiffResult r = maxDiff.evaluateWith(1, n + 1, meta.get("maxdiff_close_at_eod").asBoolean(),
                    meta.get("maxdiffprofit_profit_high_multiplier").asDouble(),
                    meta.get("maxdiffprofit_profit_low_multiplier").asDouble());
            double expected = md.get("sharpe").asDouble();
            if (Math.abs(expected) > 1e-3 && Math.abs(expected) < 1e3) {
                assertThat(r.blendedSharpe()).as(f.getFileName().toString())
                        .isCloseTo(expected, within(1e-3 * Math.max(1, Math.abs(expected))));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void theGridReferenceNeverBeatsTheExactSearchOnGoldenWindows() throws Exception {
        EntryExitOptimizer exact = new EntryExitOptimizer();
        GridSearchOptimizer grid = GridSearchOptimizer.anchor();
        for (Path f : Fixtures.windowCases().subList(0, 40)) {
            JsonNode c = Fixtures.read(f);
            int n = c.get("evaluated_days").asInt();
            MaxDiff md = new MaxDiff(Fixtures.bands(c), c.get("is_crypto").asBoolean(), c.get("fee").asDouble(), 252);
            for (boolean eod : new boolean[] {false, true}) {
                assertThat(exact.fit(md.problem(1, n + 1), eod).value()).as(f.getFileName() + " eod=" + eod)
                        .isGreaterThanOrEqualTo(grid.fit(md.problem(1, n + 1), eod).value() - 1e-9);
            }
        }
    }

    /** MaxDiff over a window case's bands, with the case's asset class, fee and trading days per year. */
    private static MaxDiff maxDiffOf(JsonNode c) {
        return new MaxDiff(Fixtures.bands(c), c.get("is_crypto").asBoolean(), c.get("fee").asDouble(),
                c.get("trading_days_per_year").asInt());
    }
}
