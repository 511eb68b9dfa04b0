package sextant.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sextant.core.market.Instrument;

/**
 * The {@code universe} section: the listed symbols (one list decides what is crypto), whether to trade a CSV
 * directory's files instead, and what happens to a symbol dropped from the lists.
 *
 * @param listed    {@code universe.stocks} then {@code universe.crypto}, upper case, each symbol once; may be empty
 *                  (then {@code from-data} must name the symbols: see {@link SextantConfig#listedUniverse()})
 * @param fromData  {@code universe.from-data}: trade every file of {@code data.csv-dir}
 * @param onRemoval {@code universe.on-removal}
 */
record UniverseConfig(List<Instrument> listed, boolean fromData, OnRemoval onRemoval) {
    /** What happens to Sextant's orders and position in a symbol that left the universe. */
    enum OnRemoval {
        /** Cancel Sextant's orders and close the position its fills opened. */
        CLOSE,
        /** Leave them; they are reported each cycle. */
        KEEP
    }

    UniverseConfig {
        listed = List.copyOf(listed);
        Set<String> seen = new HashSet<>();
        for (Instrument i : listed) {
            if (!seen.add(i.symbol())) {
                throw new IllegalArgumentException(i.isCrypto()
                        ? "symbol " + i.symbol() + " is listed in both universe.stocks and universe.crypto (or twice); keep one"
                        : "symbol " + i.symbol() + " is listed twice in universe");
            }
        }
    }

    /** The crypto symbols as listed, so that a CSV directory's file can be known as crypto by the list. */
    Set<String> cryptoSymbols() {
        Set<String> out = new HashSet<>();
        listed.stream().filter(Instrument::isCrypto).forEach(i -> out.add(i.symbol()));
        return out;
    }

    static UniverseConfig from(ConfigTree t) {
        List<Instrument> listed = new ArrayList<>();
        t.list("universe.stocks").forEach(s -> listed.add(Instrument.stock(s.trim().toUpperCase(Locale.ROOT))));
        t.list("universe.crypto").forEach(s -> listed.add(Instrument.crypto(s.trim().toUpperCase(Locale.ROOT).replace("/", ""))));
        String onRemoval = t.string("universe.on-removal");
        OnRemoval policy = EnumKeys.parse(OnRemoval.class, onRemoval).orElseThrow(() -> new IllegalArgumentException(
                "'universe.on-removal' must be close or keep, got '" + onRemoval + "'"));
        return new UniverseConfig(listed, t.bool("universe.from-data"), policy);
    }
}
