package sextant.app;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code state} section: where the database and logs live.
 *
 * @param dir the state directory ({@code state.dir}); relative paths are resolved against the working directory
 */
record StateConfig(Path dir) {
    StateConfig {
        Objects.requireNonNull(dir, "dir");
    }

    static StateConfig from(ConfigTree t) {
        return new StateConfig(Path.of(t.string("state.dir")));
    }
}
