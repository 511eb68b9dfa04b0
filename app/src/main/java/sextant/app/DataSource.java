package sextant.app;

/** Where bars come from ({@code data.source}, or a command's {@code --data}). */
enum DataSource {
    SYNTHETIC, CSV, ALPACA;

    /** The name the configuration and the command line use. */
    String key() {
        return EnumKeys.key(this);
    }

    /** {@code raw} as a source; an {@link IllegalArgumentException} naming {@code data.source} otherwise. */
    static DataSource parse(String raw) {
        return EnumKeys.parse(DataSource.class, raw).orElseThrow(() -> new IllegalArgumentException(
                "'data.source' must be synthetic, csv or alpaca, got '" + raw + "'"));
    }
}
