package sextant.core.key;

import java.util.Locale;

/**
 * A {@link Keyed} enum whose key is its constant's name in lower case with '-' for '_' ({@code TOO_FEW_BARS} is
 * {@code too-few-bars}), so the key cannot drift from the name. Renaming a constant renames its key, which orphans
 * what the ledger and configurations already hold: the enums' tests pin every key.
 */
public interface NameKeyed extends Keyed {
    /** Implemented by every enum. */
    String name();

    @Override
    default String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
