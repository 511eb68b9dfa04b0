package sextant.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that reads the configuration. */
final class CommonOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./sextant.yaml if present, else built-in defaults).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key, e.g. --set portfolio.max-positions=5.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory (overrides state.dir).")
    Path stateDir;

    SextantConfig load() {
        Path file = config;
        if (file == null && Files.isRegularFile(Path.of("sextant.yaml"))) {
            file = Path.of("sextant.yaml");
        }
        return SextantConfig.load(file, overrides);
    }
}
