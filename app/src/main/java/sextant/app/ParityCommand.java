package sextant.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sextant parity --fixtures DIR}: replays every reference case in DIR (anchor fixture format) through the
 * strategy math, prints the differences of each failed case, and ends with {@code N passed, M failed}.
 * Exit 0 when all pass, 1 when any case failed (issue 3), 2 when the folder cannot be read.
 */
@Command(name = "parity", mixinStandardHelpOptions = true,
        description = "Check the strategy math against reference cases (anchor fixture format).")
final class ParityCommand implements Callable<Integer> {
    @Mixin
    Terminal terminal;

    @Option(names = "--fixtures", required = true, paramLabel = "DIR",
            description = "Folder with kernel_cases.json and/or per-window case files (*.json).")
    Path fixtures;

    @Option(names = "--verbose", description = "Also list the cases that passed.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = terminal.out();
        List<ParityCases.Outcome> outcomes = new ParityCases().run(fixtures);
        int passed = 0;
        int failed = 0;
        for (ParityCases.Outcome o : outcomes) {
            if (o.passed()) {
                passed++;
                if (verbose) {
                    out.println("ok   " + o.name());
                }
            } else {
                failed++;
                out.println("FAIL " + o.name());
                for (String d : o.differences()) {
                    out.println("     " + d);
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? Main.EXIT_OK : 1;
    }
}
