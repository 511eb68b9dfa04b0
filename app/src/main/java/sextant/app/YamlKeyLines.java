package sextant.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line of a dotted key ({@code portfolio.max-positions}) in a block-style YAML file, so a message about
 * a key can say where it is. Jackson's tree keeps no locations; the file is small and read only on an error.
 */
final class YamlKeyLines {
    private YamlKeyLines() {
    }

    /** The 1-based line of {@code dottedKey}, or 0 when it cannot be found (flow style, or not a file). */
    static int lineOf(Path file, String dottedKey) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int line = 0;
        int indent = -1;
        for (String part : dottedKey.split("\\.")) {
            Pattern p = Pattern.compile("^(\\s*)['\"]?" + Pattern.quote(part) + "['\"]?\\s*:");
            int found = 0;
            for (int i = line; i < lines.size(); i++) {
                Matcher m = p.matcher(lines.get(i));
                if (m.find() && m.group(1).length() > indent) {
                    found = i + 1;
                    indent = m.group(1).length();
                    break;
                }
            }
            if (found == 0) {
                return 0;
            }
            line = found;
        }
        return line;
    }

    /** {@code file:line} for a key in a configuration file, or just {@code file} (also for "--set"). */
    static String where(String file, String dottedKey) {
        if (file.startsWith("--")) {
            return file;
        }
        int line = lineOf(Path.of(file), dottedKey);
        return line > 0 ? file + ":" + line : file;
    }
}
