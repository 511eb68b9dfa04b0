package sextant.app;

import java.util.Locale;
import java.util.Optional;

/** The configuration spells an enum constant in lower case ({@code paper}, {@code csv}, {@code close}). */
final class EnumKeys {
    private EnumKeys() {
    }

    static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} spelt {@code raw}, exactly (the configuration is case-sensitive). */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String raw) {
        for (E e : type.getEnumConstants()) {
            if (key(e).equals(raw)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
