package sextant.core.order;

import java.time.Instant;
import sextant.core.market.Instrument;

/** One execution of (part of) an order. {@code fee} is in account currency. */
public record Fill(String orderId, String clientOrderId, Instrument instrument, Side side, double qty, double price,
                   double fee, Instant at) {
}
