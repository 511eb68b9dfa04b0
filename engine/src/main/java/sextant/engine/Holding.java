package sextant.engine;

import java.util.List;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.Side;

/**
 * One symbol of the account as an operator sees it: the part Sextant owns (its fills' position, never more than the
 * broker holds, and its own open orders) beside the part that is not Sextant's and is left alone.
 *
 * @param brokerQty   signed quantity the broker holds
 * @param ownQty      signed quantity Sextant's fills opened (see {@link Ownership#clip})
 * @param avgPrice    Sextant's average entry price (the broker's when Sextant holds nothing)
 * @param marketPrice the broker's last price for the symbol (NaN when it holds none)
 */
public record Holding(Instrument instrument, double brokerQty, double ownQty, double avgPrice, double marketPrice,
                      List<Order> own, List<Order> foreign) {
    private static final double EPS = 1e-9;

    public Holding {
        own = List.copyOf(own);
        foreign = List.copyOf(foreign);
    }

    public String symbol() {
        return instrument.symbol();
    }

    public double foreignQty() {
        return brokerQty - ownQty;
    }

    public boolean hasOwnPosition() {
        return Math.abs(ownQty) > EPS;
    }

    public boolean hasForeign() {
        return Math.abs(foreignQty()) > EPS || !foreign.isEmpty();
    }

    /** Sextant's unrealised P&L at the broker's last price (0 when it holds nothing or no price is known). */
    public double unrealizedPnl() {
        return hasOwnPosition() && Double.isFinite(marketPrice) ? ownQty * (marketPrice - avgPrice) : 0;
    }

    /** How much of Sextant's position its own open orders on the exit side would close (remaining quantities). */
    public double exitCoveredQty() {
        if (!hasOwnPosition()) {
            return 0;
        }
        Side exit = ownQty > 0 ? Side.SELL : Side.BUY;
        return own.stream().filter(o -> o.isOpen() && o.side() == exit).mapToDouble(o -> o.qty() - o.filledQty()).sum();
    }

    /** Sextant holds a position here that its open orders do not fully exit (no take-profit, close or stop behind it). */
    public boolean lacksExit() {
        return hasOwnPosition() && exitCoveredQty() < Math.abs(ownQty) - EPS;
    }

    static Holding of(Ownership.SymbolBook b) {
        return new Holding(b.instrument(), b.brokerQty(), b.ownQty(), b.avgPrice(), b.marketPrice(), b.own(), b.foreign());
    }
}
