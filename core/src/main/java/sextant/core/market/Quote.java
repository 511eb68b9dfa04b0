package sextant.core.market;

import java.time.Instant;

/** Latest bid/ask of an instrument. */
public record Quote(Instrument instrument, double bid, double ask, Instant at) {
    public double mid() {
        return (bid + ask) / 2;
    }
}
