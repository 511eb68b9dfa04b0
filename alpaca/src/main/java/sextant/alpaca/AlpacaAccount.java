package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import sextant.core.order.Account;

/**
 * GET /v2/account, the fields Sextant uses. {@code multiplier} 1 is a cash account (no shorts, no margin);
 * {@code nonMarginableBuyingPower} is what crypto (never marginable) may spend; NaN where Alpaca omits it (null for a
 * text field).
 */
public record AlpacaAccount(@Nullable String id, @Nullable String status, @Nullable String currency, double cash, double equity, double buyingPower,
                            double lastEquity, boolean tradingBlocked, boolean accountBlocked, boolean patternDayTrader,
                            boolean shortingEnabled, double multiplier, int daytradeCount,
                            double nonMarginableBuyingPower) {

    static AlpacaAccount from(JsonNode n) {
        double dt = Json.num(n, "daytrade_count");
        return new AlpacaAccount(Json.text(n, "id"), Json.text(n, "status"), Json.text(n, "currency"), Json.num(n, "cash"),
                Json.num(n, "equity"), Json.num(n, "buying_power"), Json.num(n, "last_equity"),
                Json.bool(n, "trading_blocked"), Json.bool(n, "account_blocked"), Json.bool(n, "pattern_day_trader"),
                Json.bool(n, "shorting_enabled"), Json.num(n, "multiplier"), Double.isNaN(dt) ? 0 : (int) dt,
                Json.num(n, "non_marginable_buying_power"));
    }

    /** A cash account: Alpaca allows it no short sales. */
    public boolean isCashAccount() {
        return multiplier == 1;
    }

    public Account toAccount() {
        return new Account(cash, equity, buyingPower, lastEquity);
    }
}
