package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import sextant.core.order.Account;

/** GET /v2/account, the fields Sextant uses. */
public record AlpacaAccount(String id, String status, String currency, double cash, double equity, double buyingPower,
                            double lastEquity, boolean tradingBlocked, boolean accountBlocked, boolean patternDayTrader) {

    static AlpacaAccount from(JsonNode n) {
        return new AlpacaAccount(Json.text(n, "id"), Json.text(n, "status"), Json.text(n, "currency"), Json.num(n, "cash"),
                Json.num(n, "equity"), Json.num(n, "buying_power"), Json.num(n, "last_equity"),
                Json.bool(n, "trading_blocked"), Json.bool(n, "account_blocked"), Json.bool(n, "pattern_day_trader"));
    }

    public Account toAccount() {
        return new Account(cash, equity, buyingPower, lastEquity);
    }
}
