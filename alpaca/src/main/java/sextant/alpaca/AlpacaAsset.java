package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * GET /v2/assets/{symbol}. {@code minOrderSize}, {@code minTradeIncrement} and {@code priceIncrement} are NaN when
 * Alpaca omits them (it sends them for crypto pairs); a text field it omits is null.
 */
public record AlpacaAsset(@Nullable String symbol, @Nullable String assetClass, @Nullable String status, boolean tradable, boolean fractionable,
                          boolean shortable, double minOrderSize, double minTradeIncrement, double priceIncrement,
                          boolean easyToBorrow) {
    static AlpacaAsset from(JsonNode n) {
        return new AlpacaAsset(Json.text(n, "symbol"), Json.text(n, "class"), Json.text(n, "status"), Json.bool(n, "tradable"),
                Json.bool(n, "fractionable"), Json.bool(n, "shortable"), Json.num(n, "min_order_size"),
                Json.num(n, "min_trade_increment"), Json.num(n, "price_increment"), Json.bool(n, "easy_to_borrow"));
    }

    public boolean isCrypto() {
        return "crypto".equalsIgnoreCase(assetClass);
    }
}
