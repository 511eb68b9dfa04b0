package sextant.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import sextant.core.port.MarketCalendar;

/**
 * Crypto trades around the clock: every date is a session from 00:00 UTC to the next 00:00 UTC, which is when a
 * daily crypto bar closes (Alpaca's crypto bars are UTC days), so the day roll is at 00:00 UTC.
 */
public final class CryptoCalendar implements MarketCalendar {
    public static final CryptoCalendar INSTANCE = new CryptoCalendar();

    private CryptoCalendar() {
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        return Optional.of(new Session(date, date.atStartOfDay(ZoneOffset.UTC).toInstant(),
                date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), SessionKind.REGULAR));
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public String describe() {
        return "crypto-24x7-utc";
    }
}
