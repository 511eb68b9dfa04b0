package sextant.core.key;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum constant with a stable text key, the one stored in the ledger or written in the configuration. The static
 * methods are the one way such texts are read back, so every keyed enum accepts the same spellings and names the same
 * alternatives when it refuses one.
 */
public interface Keyed {
    /** The stable text: never changes once released, whatever the constant is renamed to. */
    String key();

    /**
     * The constant of {@code values} whose key is {@code text} once trimmed and lower-cased (a missing text matches
     * none), or an {@link IllegalArgumentException} naming {@code what} was asked for, the text and every known key.
     */
    static <E extends Keyed> E parse(E[] values, String text, String what) {
        return find(values, text).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + what + " '" + text + "'; known: " + keys(values)));
    }

    /** The constant of {@code values} whose key is {@code text} once trimmed and lower-cased; empty for null. */
    static <E extends Keyed> Optional<E> find(E[] values, String text) {
        String k = normalised(text);
        return Arrays.stream(values).filter(v -> v.key().equals(k)).findFirst();
    }

    /** How a stored or configured text is compared with the keys: stripped and lower-cased; null reads as "". */
    static String normalised(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The keys in declaration order, for a message: {@code trade, hold, skip, error}. */
    static <E extends Keyed> String keys(E[] values) {
        return String.join(", ", Arrays.stream(values).map(Keyed::key).toList());
    }
}
