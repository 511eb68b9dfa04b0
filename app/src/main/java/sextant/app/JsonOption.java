package sextant.app;

import picocli.CommandLine.Option;

/** {@code --json}: the command prints one JSON document instead of text (for scripts and dashboards). */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
}
