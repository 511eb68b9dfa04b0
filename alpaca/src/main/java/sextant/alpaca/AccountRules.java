package sextant.alpaca;

import sextant.core.order.OrderRequest;
import sextant.core.order.Side;

/**
 * The account-level rules Alpaca applies to an order (landscape §5C), checked before sending so that each refusal
 * names its rule instead of arriving as a bare 403:
 * <ul>
 *   <li>a stock sell that opens or adds to a short: not in a cash account ({@code multiplier} 1), only with
 *       {@code shorting_enabled}, only for a {@code shortable} and {@code easy_to_borrow} asset;</li>
 *   <li>the pattern-day-trader rule: with equity under $25,000 and 3 day trades in the last 5 sessions, no order
 *       that closes a position opened today;</li>
 *   <li>crypto is never marginable: a crypto buy must fit in {@code non_marginable_buying_power};</li>
 *   <li>a fractional stock order must be worth at least $1.</li>
 * </ul>
 */
final class AccountRules {
    static final double PDT_EQUITY = 25_000;
    static final int PDT_DAY_TRADES = 3;
    static final double MIN_FRACTIONAL_NOTIONAL = 1.0;

    private AccountRules() {
    }

    /**
     * @param heldQty        the signed position in the symbol before this order
     * @param referencePrice the limit price, or the last price for a market order (NaN when unknown)
     * @param openedToday    whether today's fills opened the position this order would reduce
     */
    static void check(OrderRequest r, AlpacaAsset asset, AlpacaAccount account, double heldQty, double referencePrice,
                      boolean openedToday) {
        String sym = r.instrument().symbol();
        double notional = r.qty() * referencePrice;
        if (r.instrument().isCrypto()) {
            double nmbp = account.nonMarginableBuyingPower();
            if (r.side() == Side.BUY && Double.isFinite(nmbp) && Double.isFinite(notional) && notional > nmbp + 1e-9) {
                throw reject(sym, String.format(java.util.Locale.ROOT, "crypto is bought with non-marginable buying power:"
                        + " %.2f needed, %.2f available", notional, nmbp));
            }
            return;
        }
        boolean opensShort = r.side() == Side.SELL && r.qty() > Math.max(0, heldQty) + 1e-9;
        if (opensShort) {
            if (account.isCashAccount()) {
                throw reject(sym, "a cash account cannot sell short (account multiplier 1)");
            }
            if (!account.shortingEnabled()) {
                throw reject(sym, "shorting is not enabled on this account (shorting_enabled false)");
            }
            if (!asset.shortable()) {
                throw reject(sym, "Alpaca lists the asset as not shortable");
            }
            if (!asset.easyToBorrow()) {
                throw reject(sym, "the asset is hard to borrow (easy_to_borrow false); Alpaca takes no new shorts in it");
            }
        }
        boolean closes = (r.side() == Side.SELL && heldQty > 0) || (r.side() == Side.BUY && heldQty < 0);
        if (closes && openedToday && account.equity() < PDT_EQUITY && account.daytradeCount() >= PDT_DAY_TRADES) {
            throw reject(sym, "closing today's position would be day trade " + (account.daytradeCount() + 1)
                    + " in 5 sessions with equity under $25,000 (pattern-day-trader rule)");
        }
        boolean fractional = r.qty() != Math.floor(r.qty());
        if (fractional && Double.isFinite(notional) && notional < MIN_FRACTIONAL_NOTIONAL) {
            throw reject(sym, String.format(java.util.Locale.ROOT, "a fractional order must be worth at least $1, this one"
                    + " is $%.2f", notional));
        }
    }

    private static OrderRuleException reject(String symbol, String why) {
        return new OrderRuleException(symbol + ": order refused before sending: " + why);
    }
}
