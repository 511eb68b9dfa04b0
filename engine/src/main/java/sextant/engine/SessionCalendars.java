package sextant.engine;

import sextant.core.calendar.CryptoCalendar;
import sextant.core.calendar.NyseCalendar;
import sextant.core.market.Instrument;
import sextant.core.port.MarketCalendar;

/** Which market calendar an instrument trades on: its sessions count a plan's time stop and schedule the run loop. */
@FunctionalInterface
public interface SessionCalendars {
    /** NYSE rules for stocks, the 24-hour UTC day for crypto (no broker needed). */
    SessionCalendars BUILT_IN = of(new NyseCalendar());

    MarketCalendar of(Instrument instrument);

    /** {@code stocks} for stocks (Alpaca's calendar when connected), the crypto day for crypto. */
    static SessionCalendars of(MarketCalendar stocks) {
        return i -> i.isCrypto() ? CryptoCalendar.INSTANCE : stocks;
    }
}
