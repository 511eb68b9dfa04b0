package sextant.app;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that reads the configuration and a state directory. */
final class CommonOptions {
    @Mixin
    ConfigOptions configuration;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory (overrides state.dir).")
    Path stateDir;

    SextantConfig load() {
        return configuration.load();
    }

    /** {@code --state-dir}, else {@code state.dir}. */
    Path stateDir(SextantConfig cfg) {
        return stateDirOption().orElse(cfg.state().dir());
    }

    Optional<Path> stateDirOption() {
        return Optional.ofNullable(stateDir);
    }

    Optional<Path> configFile() {
        return configuration.file();
    }
}
