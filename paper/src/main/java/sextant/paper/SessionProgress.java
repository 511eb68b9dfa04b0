package sextant.paper;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How far one symbol is settled intraday: the session's date, the last of its path points applied, and the order of
 * its extremes once the symbol's exposure fixed it (empty while the symbol has held nothing and had no order working
 * in that session, when no point could act).
 */
record SessionProgress(LocalDate day, int point, Optional<PathOrder> order) {
}
