package sextant.core.order;

import sextant.core.market.Instrument;

/** An open position. {@code qty} is signed: negative for shorts (unlike the original's ramp, W-14). */
public record Position(Instrument instrument, double qty, double avgEntryPrice, double marketPrice) {
    public Side side() {
        return qty >= 0 ? Side.BUY : Side.SELL;
    }

    public double marketValue() {
        return qty * marketPrice;
    }

    public double unrealizedPnl() {
        return qty * (marketPrice - avgEntryPrice);
    }
}
