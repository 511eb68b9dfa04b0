package sextant.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Inspect the configuration.",
        subcommands = ConfigCommand.Show.class)
final class ConfigCommand extends CommandGroup {
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the effective configuration (defaults + file + --set) and where it came from.")
    static final class Show implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            // Loading checks every section; the listed universe must not be empty either.
            SextantConfig cfg = common.load();
            cfg.listedUniverse();
            var out = common.terminal().out();
            out.println("# effective configuration (source: " + cfg.source() + ")");
            out.print(cfg.yaml().replaceFirst("^---\\s*\\n", ""));
            out.flush();
            return Main.EXIT_OK;
        }
    }
}
