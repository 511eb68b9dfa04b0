package sextant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.core.key.Keyed;
import sextant.core.order.OrderOutcome;
import sextant.core.order.TrackedOrder;

/** A database written by the version before ownership (schema V1) opens, migrates and stays readable. */
class StoreMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneLedgerIsMigratedItsOrdersStayReadableAndItsFillsSeedOwnership() throws Exception {
        Path file = dir.resolve("sextant.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            for (String sql : Migrations.STEPS.get(0)) {
                s.execute(sql);
            }
            s.execute("INSERT INTO schema_version VALUES (1)");
            s.execute("INSERT INTO cycles (started_at, as_of, status, broker, data_source, model, symbols)"
                    + " VALUES ('2026-11-02T01:00:00Z', '2026-11-02', 'ok', 'paper', 'synthetic', 'm', 2)");
            s.execute("INSERT INTO orders VALUES ('paper-1', 'sx-20261102-AAA-eb', 1, 'submitted', 'AAA', 'buy', 10,"
                    + " 'limit', 99, 'day', 'filled', 10, 99, '2026-11-02T00:00:00Z')");
            s.execute("INSERT INTO orders VALUES ('paper-2', 'sx-20261102-BBB-es', 1, 'already-present', 'BBB', 'sell', 5,"
                    + " 'limit', 50, 'day', 'new', 0, NULL, '2026-11-02T00:00:00Z')");
            s.execute("INSERT INTO fills VALUES (1, 'paper-1', 'sx-20261102-AAA-eb', 'AAA', 'buy', 6, 98, 0.1,"
                    + " '2026-11-02T20:00:00Z')");
            s.execute("INSERT INTO fills VALUES (1, 'paper-1', 'sx-20261102-AAA-eb', 'AAA', 'buy', 4, 100, 0.1,"
                    + " '2026-11-02T20:00:00Z')");
        }
        try (Database db = Database.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.STEPS.size());
            SqliteLedger ledger = new SqliteLedger(db);
            assertThat(ledger.ownedPositions()).containsOnlyKeys("AAA");
            assertThat(ledger.ownedPositions().get("AAA").qty()).isEqualTo(10);
            assertThat(ledger.ownedPositions().get("AAA").avgPrice()).isEqualTo(98.8);
            List<OrderOutcome> events = new ArrayList<>();
            try (Statement s = db.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT event FROM orders ORDER BY rowid")) {
                while (rs.next()) {
                    events.add(Keyed.parse(OrderOutcome.values(), rs.getString(1), "order outcome"));
                }
            }
            assertThat(events).containsExactly(OrderOutcome.SUBMITTED, OrderOutcome.ALREADY_PRESENT);
            assertThat(ledger.trackedOpenOrders()).extracting(TrackedOrder::clientOrderId)
                    .containsExactly("sx-20261102-BBB-es");
            assertThat(new LedgerReader(db).orders(1)).hasSize(2);
        }
    }
}
