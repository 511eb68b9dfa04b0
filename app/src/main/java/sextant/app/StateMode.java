package sextant.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import sextant.store.Database;

/**
 * The {@code MODE} file of a state directory: which account (paper, alpaca-paper, live) it belongs to. A command that
 * trades records its mode there on first use and refuses a directory recorded for another mode, so a live run never
 * books into a paper ledger (whose owned positions it would then act on) and a paper run never opens a live one, even
 * with an explicit --state-dir. A directory written before the file existed is judged by the brokers its cycles name.
 */
final class StateMode {
    static final String FILE_NAME = "MODE";

    private StateMode() {
    }

    /** The mode recorded in {@code stateDir}, if any. */
    static Optional<TradingMode> recorded(Path stateDir) {
        Path f = stateDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + f + " (" + Errors.describe(e) + "); it says which account this"
                    + " state directory belongs to, so nothing runs until it can be read");
        }
        return Optional.of(TradingMode.fromKey(text).orElseThrow(() -> new ConfigException(f + " says '"
                + printable(text) + "', which is not paper, alpaca-paper or live; fix the file (it names"
                + " the account this state directory belongs to)")));
    }

    /** For commands that only read: refuses a directory recorded for another mode. */
    static void check(Path stateDir, TradingMode mode) {
        recorded(stateDir).ifPresent(found -> refuseIfOther(stateDir, found, mode));
    }

    /**
     * For commands that trade, with the database open: refuses a directory of another mode, else records
     * {@code mode} when the directory has no MODE file yet.
     */
    static void claim(Path stateDir, TradingMode mode, Database db) {
        Optional<TradingMode> found = recorded(stateDir);
        if (found.isPresent()) {
            refuseIfOther(stateDir, found.get(), mode);
            return;
        }
        for (TradingMode earlier : modesOfCycles(db)) {
            refuseIfOther(stateDir, earlier, mode);
        }
        try {
            Files.writeString(stateDir.resolve(FILE_NAME), mode.key() + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot record the mode in " + stateDir.resolve(FILE_NAME) + " ("
                    + Errors.describe(e) + "); the state directory must be writable");
        }
    }

    private static void refuseIfOther(Path stateDir, TradingMode found, TradingMode mode) {
        if (found != mode) {
            throw new ConfigException("state directory " + stateDir.toAbsolutePath().normalize() + " belongs to the "
                    + found.key() + " account, and this command runs in " + mode.key() + " mode; refusing to mix their"
                    + " ledgers. Use that account's own flags (" + flags(found) + "), or this mode's own state directory"
                    + " (leave out --state-dir for its default, state.dir + '" + mode.dirSuffix() + "')");
        }
    }

    /** At most 40 printable ASCII characters of what the file holds, so a binary file never writes to the terminal. */
    private static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
    }

    private static String flags(TradingMode m) {
        return switch (m) {
            case PAPER -> "--broker paper";
            case ALPACA_PAPER -> "--broker alpaca";
            case LIVE -> "--broker alpaca --live";
        };
    }

    private static Set<TradingMode> modesOfCycles(Database db) {
        return db.inTransaction(c -> {
            Set<TradingMode> out = new TreeSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT broker FROM cycles")) {
                while (rs.next()) {
                    TradingMode.fromBrokerName(rs.getString(1)).ifPresent(out::add);
                }
            }
            return out;
        });
    }
}
