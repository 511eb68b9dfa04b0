package sextant.paper;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.port.MarketData;
import sextant.store.Database;

/**
 * What the paper broker tests share: a state directory, a cycle date the test moves on from Monday {@link #D1}, and
 * a broker opened over that directory on the test's bars, as each {@code sextant cycle} opens it again.
 */
abstract class PaperBrokerFixture {
    static final LocalDate D1 = LocalDate.of(2025, 3, 3); // Monday
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);
    /** A $10,000 cash account paying 0.1 % on stocks and 0.2 % on crypto. */
    static final PaperConfig SMALL_ACCOUNT = new PaperConfig(10_000, 0.001, 0.002, 1);

    @TempDir
    Path dir;
    final AtomicReference<LocalDate> today = new AtomicReference<>(D1);
    /** The state database the latest {@link #open(MarketData, PaperConfig)} opened. */
    Database db;

    PaperBroker open(MarketData bars, PaperConfig cfg) {
        db = Database.openIn(dir);
        return PaperBroker.open(db, bars, today::get, cfg);
    }
}
