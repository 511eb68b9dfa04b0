package sextant.paper;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import sextant.core.order.Order;
import sextant.core.order.Position;
import sextant.store.Database;

/**
 * The paper account as it was last settled, read without settling: {@code sextant status} must not write (settling
 * marks bars as traded and books fills, which is a cycle's job under the state lock).
 *
 * @param settledThrough the newest bar date the account has settled whole (the daily clock), empty before its first
 *                       daily settlement
 * @param intraday       how far the intraday clock ({@code sextant run}) has settled it, empty if it never ran on it
 */
public record PaperAccountView(double cash, double equity, Optional<LocalDate> settledThrough,
                               Optional<IntradayMark> intraday, List<Position> positions, List<Order> openOrders) {
    /**
     * The intraday clock's progress: it settled the account through {@code point} of {@code session} (the furthest
     * symbol's place: a symbol with nothing held or working is not stepped); {@code symbols} symbols were stepped.
     */
    public record IntradayMark(LocalDate session, String point, int symbols) {
    }

    public PaperAccountView {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
    }

    /** The account in {@code db}, or empty when the state holds no paper account (an Alpaca state, or a fresh one). */
    public static Optional<PaperAccountView> read(Database db) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM paper_account")) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return Optional.empty();
                }
            }
            PaperBook book = new PaperBook(c);
            int settled = book.settledThrough();
            return Optional.of(new PaperAccountView(book.cash(), book.equity(),
                    settled == PaperBook.NEVER_SETTLED ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(settled)),
                    book.intradayMark(), book.positions(), book.openOrders()));
        });
    }
}
