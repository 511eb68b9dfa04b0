package sextant.paper;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.port.MarketData;
import sextant.store.Database;

/**
 * What the paper broker tests share: a state directory, Monday {@link #D1} and the days after it, a cycle date the
 * daily-clock tests move on from D1, and a broker opened over that directory on the test's bars, as each
 * {@code sextant cycle} opens it again.
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
    /** The state database the latest open opened; the one before it is closed. */
    Database db;

    /** A daily-clock broker on {@code bars}, over the state directory opened again. */
    PaperBroker open(MarketData bars, PaperConfig cfg) {
        return PaperBroker.open(reopenDatabase(), bars, today::get, cfg);
    }

    /** Closes the state database an earlier open left and opens it again, as each run of {@code sextant} does. */
    Database reopenDatabase() {
        closeDatabase();
        db = Database.openIn(dir);
        return db;
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
