package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.alpaca.fake.FakeOrder;

/**
 * {@code status}, {@code flatten} and {@code cancel-all} of the packaged application against the fake Alpaca server:
 * they act on Sextant's own orders and the position its fill opened, and a manual position and a manual order in the
 * same account stay exactly as they were.
 */
class OperatorCommandsIT {
    private static final String[] CYCLE = {"cycle", "--broker", "alpaca", "--data", "alpaca", "--no-progress", "--set",
            "strategies.edge-z=0"};

    @TempDir
    Path dir;

    private AlpacaCycleIT.Run sextant(Map<String, String> env, String... args) throws Exception {
        return AlpacaCycleIT.sextant(dir, env, args);
    }

    @Test
    void flattenAndCancelAllTouchOnlyWhatSextantOwns() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            alpaca.marketTime(AlpacaCycleIT.beforeTheOpen());
            alpaca.setPosition("TSLA", 7, 200);
            FakeOrder manual = alpaca.placeManualOrder("my-own-stop", "TSLA", "sell", "stop", 7, Double.NaN, 150);
            AlpacaCycleIT.Run cycle = sextant(alpaca.env(), CYCLE);
            assertThat(cycle.exit()).as(cycle.out()).isZero();
            List<FakeOrder> entries = alpaca.orders().stream().filter(o -> o.clientOrderId().startsWith("sx-")
                    && o.side().equals("buy") && "new".equals(o.status())).toList();
            assertThat(entries).as(cycle.out()).hasSizeGreaterThan(1);
            FakeOrder filled = entries.get(0);
            alpaca.fillOrder(filled.id(), filled.limitPrice());

            AlpacaCycleIT.Run status = sextant(alpaca.env(), "status", "--broker", "alpaca", "--json");
            assertThat(status.exit()).as(status.out()).isZero();
            JsonNode s = new ObjectMapper().readTree(status.out().substring(status.out().indexOf('{')));
            assertThat(s.get("mode").asText()).isEqualTo("alpaca-paper");
            assertThat(s.get("positions").findValuesAsText("symbol")).containsExactly(filled.symbol());
            // A stock entry goes to Alpaca as an OTO order: once it fills, its take-profit leg is the position's exit.
            assertThat(s.get("without_exit").toString()).as("the OTO leg covers the fill").doesNotContain(filled.symbol());
            assertThat(s.get("positions").get(0).get("has_exit").asBoolean()).as(status.out()).isTrue();
            assertThat(s.get("left_alone").toString()).contains("TSLA").contains("my-own-stop");

            AlpacaCycleIT.Run refused = sextant(alpaca.env(), "cancel-all", "--broker", "alpaca");
            assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
            assertThat(refused.out()).contains("--yes");

            AlpacaCycleIT.Run flatten = sextant(alpaca.env(), "flatten", "--yes", "--broker", "alpaca");
            assertThat(flatten.exit()).as(flatten.out()).isZero();
            assertThat(flatten.out()).contains("TSLA").contains("not opened by Sextant's fills").contains("my-own-stop");
            List<FakeOrder> closes = alpaca.orders().stream().filter(o -> o.clientOrderId().startsWith("sx-")
                    && o.clientOrderId().contains("-" + filled.symbol() + "-cs")).toList();
            assertThat(closes).singleElement().satisfies(o -> {
                assertThat(o.type()).isEqualTo("market");
                assertThat(o.qty()).isEqualTo(filled.qty());
            });
            int ordersAfterFlatten = alpaca.orders().size();
            AlpacaCycleIT.Run again = sextant(alpaca.env(), "flatten", "--yes", "--broker", "alpaca", filled.symbol());
            assertThat(again.exit()).as(again.out()).isZero();
            assertThat(alpaca.orders()).as("a repeated flatten sends no second close").hasSize(ordersAfterFlatten);

            AlpacaCycleIT.Run cancel = sextant(alpaca.env(), "cancel-all", "--yes", "--broker", "alpaca");
            assertThat(cancel.exit()).as(cancel.out()).isZero();
            assertThat(alpaca.orders().stream().filter(o -> o.clientOrderId().startsWith("sx-"))
                    .filter(o -> "new".equals(o.status()) || "accepted".equals(o.status()))).isEmpty();

            assertThat(alpaca.positionQty("TSLA")).as("the manual position is untouched").isEqualTo(7);
            assertThat(alpaca.orderByClientOrderId("my-own-stop")).get().satisfies(o -> {
                assertThat(o.status()).isEqualTo(manual.status());
                assertThat(o.qty()).isEqualTo(7);
            });
            // The OTO take-profit legs carry Alpaca's ids; they are Sextant's (through their entries) and all cancelled.
            assertThat(alpaca.orders().stream().filter(FakeOrder::isLeg).toList()).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.status()).isEqualTo("canceled"));
            assertThat(alpaca.orders().stream().filter(o -> !o.clientOrderId().startsWith("sx-") && !o.isLeg()).toList())
                    .singleElement().extracting(FakeOrder::clientOrderId).isEqualTo("my-own-stop");
        }
    }
}
