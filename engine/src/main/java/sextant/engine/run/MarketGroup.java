package sextant.engine.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import sextant.core.market.Instrument;
import sextant.core.port.MarketCalendar;

/**
 * One calendar's share of the universe: the stocks on the NYSE sessions, or crypto on its 24-hour UTC day. Each group
 * runs its own cycle, on its own instruments only, so that a stock cycle never winds down crypto or the reverse.
 *
 * @param preOpenLead how long before the open the group's cycle runs (0 for crypto: the cycle runs at the roll)
 */
public record MarketGroup(String name, boolean crypto, MarketCalendar calendar, List<Instrument> universe,
                          Duration preOpenLead) {
    public MarketGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calendar, "calendar");
        universe = List.copyOf(universe);
        if (preOpenLead.isNegative()) {
            throw new IllegalArgumentException(name + ": the pre-open lead must not be negative, got " + preOpenLead);
        }
        for (Instrument i : universe) {
            if (i.isCrypto() != crypto) {
                throw new IllegalArgumentException(name + ": " + i + " does not belong to this group");
            }
        }
    }

    /** The account's symbols this group acts on. */
    public Predicate<Instrument> scope() {
        return i -> i.isCrypto() == crypto;
    }

    /** Splits a universe into its stock group (on {@code stocks}) and its crypto group; empty groups are left out. */
    public static List<MarketGroup> split(List<Instrument> universe, MarketCalendar stocks, MarketCalendar crypto,
                                          Duration stockLead) {
        List<Instrument> s = universe.stream().filter(i -> !i.isCrypto()).toList();
        List<Instrument> c = universe.stream().filter(Instrument::isCrypto).toList();
        List<MarketGroup> out = new java.util.ArrayList<>();
        if (!s.isEmpty()) {
            out.add(new MarketGroup("stocks", false, stocks, s, stockLead));
        }
        if (!c.isEmpty()) {
            out.add(new MarketGroup("crypto", true, crypto, c, Duration.ZERO));
        }
        return out;
    }
}
