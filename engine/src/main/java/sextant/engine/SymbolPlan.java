package sextant.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;
import sextant.core.market.Instrument;
import sextant.core.order.Order;
import sextant.core.order.OrderRequest;

/**
 * The plan for one symbol: Sextant's open orders to cancel, the one order it wants (null when none), and the open
 * order that already is exactly that order (kept; then {@code want} is not sent). {@code reason} says why.
 * {@code flip}: {@code want} closes a position whose decision is on the other side; once the broker confirms the
 * close filled, the symbol is planned again (from no position) and the opposite entry is placed in the same cycle.
 */
record SymbolPlan(Instrument instrument, List<Order> cancels, @Nullable OrderRequest want, @Nullable Order keep, String reason,
                  boolean flip) {
    SymbolPlan {
        cancels = List.copyOf(cancels);
    }

    SymbolPlan(Instrument instrument, List<Order> cancels, @Nullable OrderRequest want, @Nullable Order keep, String reason) {
        this(instrument, cancels, want, keep, reason, false);
    }

    static SymbolPlan nothing(Instrument instrument, List<Order> cancels, String reason) {
        return new SymbolPlan(instrument, cancels, null, null, reason);
    }
}
