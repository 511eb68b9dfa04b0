package sextant.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code alpaca} section. The keys themselves are never configuration: they come from APCA_API_KEY_ID /
 * APCA_API_SECRET_KEY, or from {@code keyFile} when those are not set ({@link AlpacaWiring}).
 *
 * @param keyFile           a file of KEY=VALUE lines holding both keys; empty: the environment only
 * @param requestsPerMinute the client-side request budget, at least 1
 */
record AlpacaSettings(Optional<Path> keyFile, int requestsPerMinute) {
    AlpacaSettings {
        Objects.requireNonNull(keyFile, "keyFile");
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("'alpaca.requests-per-minute' must be at least 1, got " + requestsPerMinute);
        }
    }

    static AlpacaSettings from(ConfigTree t) {
        String keyFile = t.string("alpaca.key-file");
        return new AlpacaSettings(keyFile.isBlank() ? Optional.empty() : Optional.of(Path.of(keyFile.strip())),
                t.integer("alpaca.requests-per-minute"));
    }
}
