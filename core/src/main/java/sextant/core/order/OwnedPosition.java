package sextant.core.order;

/**
 * The part of a position that Sextant's own fills opened, as the ledger books it: signed quantity, average entry
 * price, and realised P&L of the fills that reduced it so far.
 */
public record OwnedPosition(String symbol, double qty, double avgPrice, double realizedPnl) {
    public static OwnedPosition flat(String symbol) {
        return new OwnedPosition(symbol, 0, 0, 0);
    }

    public boolean isFlat() {
        return Math.abs(qty) < 1e-9;
    }

    /**
     * Books one fill (pure). A fill on the position's side adds at a weighted average price; one against it realises
     * {@code closed * (price - avg) * sign} less the fee, and a fill larger than the position flips it at the fill price.
     *
     * @return the new position; {@link Booked#lastRealized} of the result is what this fill realised
     */
    public Booked book(Side side, double fillQty, double price, double fee) {
        double signed = side.sign() * fillQty;
        double realized = -fee;
        double newQty = qty + signed;
        double newAvg = avgPrice;
        if (isFlat() || Math.signum(signed) == Math.signum(qty)) {
            newAvg = isFlat() ? price : (qty * avgPrice + signed * price) / newQty;
        } else {
            double closed = Math.min(Math.abs(signed), Math.abs(qty));
            realized += closed * (price - avgPrice) * Math.signum(qty);
            if (Math.abs(newQty) < 1e-9) {
                newQty = 0;
                newAvg = 0;
            } else if (Math.signum(newQty) != Math.signum(qty)) {
                newAvg = price;
            }
        }
        return new Booked(new OwnedPosition(symbol, newQty, newAvg, realizedPnl + realized), realized);
    }

    /** A booked fill: the position after it and the P&L that fill realised (fees included). */
    public record Booked(OwnedPosition position, double lastRealized) {
    }
}
