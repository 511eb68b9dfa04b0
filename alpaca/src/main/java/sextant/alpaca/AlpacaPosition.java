package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import sextant.core.order.Position;

/**
 * GET /v2/positions entry. {@code qty} is signed here (negative for a short) whatever sign Alpaca used;
 * {@code qtyAvailable} is the part not reserved by open orders (NaN when Alpaca omits it).
 */
public record AlpacaPosition(String symbol, @Nullable String assetClass, double qty, double qtyAvailable, double avgEntryPrice,
                             double currentPrice, double marketValue) {

    static AlpacaPosition from(JsonNode n) {
        double qty = Math.abs(Json.num(n, "qty"));
        double available = Math.abs(Json.num(n, "qty_available"));
        int sign = "short".equalsIgnoreCase(Json.text(n, "side")) || Json.num(n, "qty") < 0 ? -1 : 1;
        return new AlpacaPosition(Json.requiredText(n, "symbol"), Json.text(n, "asset_class"), sign * qty, sign * available,
                Json.num(n, "avg_entry_price"), Json.num(n, "current_price"), Json.num(n, "market_value"));
    }

    public Position toPosition() {
        return new Position(AlpacaSymbols.fromAlpaca(symbol, assetClass), qty, avgEntryPrice, currentPrice);
    }
}
