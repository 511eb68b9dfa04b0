package sextant.app;

import picocli.CommandLine.Option;

/** {@code --json} and {@code --progress}, for the commands that run cycles. */
final class OutputOptions {
    @Option(names = "--json", description = "Print the result as JSON instead of tables.")
    boolean json;

    @Option(names = "--progress", negatable = true, description = "Show progress on stderr (default: when stderr is a terminal).")
    Boolean progress;

    /** {@code --progress} or {@code --no-progress}; else on when there is a terminal and the output is not JSON. */
    boolean showProgress() {
        return progress != null ? progress : Terminal.console() != null && !json;
    }
}
