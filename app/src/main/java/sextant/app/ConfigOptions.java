package sextant.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that choose the configuration: {@code --config FILE} and {@code --set KEY=VALUE}. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./sextant.yaml if present, else built-in defaults).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key, e.g. --set portfolio.max-positions=5.")
    List<String> overrides = new ArrayList<>();

    /** The file given with {@code --config}, if one was (the closing lines repeat it in the next command). */
    Optional<Path> file() {
        return Optional.ofNullable(config);
    }

    SextantConfig load() {
        return load(List.of());
    }

    /** With {@code extra} overrides after those of {@code --set} (a command's own options, which win). */
    SextantConfig load(List<String> extra) {
        Path file = config;
        if (file == null && Files.isRegularFile(Path.of("sextant.yaml"))) {
            file = Path.of("sextant.yaml");
        }
        List<String> all = new ArrayList<>(overrides);
        all.addAll(extra);
        return SextantConfig.load(file, all);
    }
}
