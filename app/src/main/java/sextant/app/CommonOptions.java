package sextant.app;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command that reads the configuration and a state directory shares: {@code --config}, {@code --set},
 * {@code --state-dir}, and the command's {@link Terminal}, so that such a command declares one mixin and nothing else.
 */
final class CommonOptions {
    @Mixin
    ConfigOptions configuration;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory (overrides state.dir).")
    Path stateDir;

    SextantConfig load() {
        return configuration.load();
    }

    /** {@code --state-dir}, else {@code state.dir}. */
    Path stateDir(SextantConfig cfg) {
        return stateDirOption().orElse(cfg.state().dir());
    }

    /**
     * {@code --state-dir}, reading the configuration only when it is not given: commands that need nothing else
     * ({@code kill-switch}, {@code state}, {@code report}) then work while the configuration file is broken, so an
     * operator can always stop entries or check the account of a named state directory.
     */
    Path stateDirOnly() {
        return stateDirOption().orElseGet(() -> load().state().dir());
    }

    Optional<Path> stateDirOption() {
        return Optional.ofNullable(stateDir);
    }

    Terminal terminal() {
        return new Terminal(spec);
    }

    Optional<Path> configFile() {
        return configuration.file();
    }
}
