package sextant.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests find {@code ../shared} (real bars, golden fixtures, reference models): the {@code sextant.shared}
 * system property, which surefire and failsafe set to the folder beside the repository root; run outside Maven (an
 * IDE), the repository root is found above the working directory by its {@code mvnw}.
 */
public final class Shared {
    private Shared() {
    }

    public static Path root() {
        String property = System.getProperty("sextant.shared");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolveSibling("shared");
            }
        }
        throw new IllegalStateException("no sextant.shared property and no repository root (mvnw) above "
                + Path.of("").toAbsolutePath());
    }

    /** {@code relative} inside the shared folder; a missing one fails here, with the path, not later in a test. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: tests need ../shared/" + relative + " next to the repository");
        }
        return p;
    }
}
