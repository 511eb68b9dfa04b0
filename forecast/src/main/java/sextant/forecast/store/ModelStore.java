package sextant.forecast.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The per-symbol model choice, stored as the original's hyper-parameter directory: {@code <dir>/best/<SYM>.json}
 * (read by the cycle) and {@code <dir>/<model>/<SYM>.json} (every candidate's scores). A missing directory is an
 * empty store, so a cycle without a store falls back to its configured default model.
 */
public final class ModelStore {
    static final String BEST = "best";

    private final Path dir;
    private final Map<String, ModelRecord> best;

    private ModelStore(Path dir, Map<String, ModelRecord> best) {
        this.dir = dir;
        this.best = best;
    }

    /**
     * Reads every {@code best/*.json} under {@code dir}.
     *
     * @throws IllegalArgumentException naming the file when a record is broken, or when a file's symbol differs
     *                                  from its name
     */
    public static ModelStore open(Path dir) {
        Map<String, ModelRecord> best = new TreeMap<>();
        Path bestDir = dir.resolve(BEST);
        if (Files.isDirectory(bestDir)) {
            try (Stream<Path> files = Files.list(bestDir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList()) {
                    ModelRecord r = read(f);
                    String stem = f.getFileName().toString();
                    stem = stem.substring(0, stem.length() - 5);
                    if (!stem.equalsIgnoreCase(r.symbol())) {
                        throw new IllegalArgumentException(f + ": record is for symbol '" + r.symbol() + "' but the file is named "
                                + stem + ".json (rename the file or fix its symbol)");
                    }
                    best.put(key(r.symbol()), r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(bestDir + ": cannot list model store (" + e.getMessage() + ")", e);
            }
        }
        return new ModelStore(dir, Collections.unmodifiableMap(best));
    }

    /** Reads one record file (either layout). */
    public static ModelRecord read(Path file) {
        try {
            return ModelRecordJson.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read model record (" + e.getMessage() + ")", e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The model id chosen for a symbol (case-insensitive), if the store has one. */
    public Optional<String> modelFor(String symbol) {
        return best(symbol).map(ModelRecord::model);
    }

    /** The whole best record of a symbol (its {@code config} holds the model's parameters). */
    public Optional<ModelRecord> best(String symbol) {
        return Optional.ofNullable(best.get(key(symbol)));
    }

    /** Every best record, keyed by upper-case symbol. */
    public Map<String, ModelRecord> bestRecords() {
        return best;
    }

    /** Writes candidate records to {@code <dir>/<model>/<SYM>.json} and best records to {@code <dir>/best/<SYM>.json}. */
    public static void write(Path dir, List<ModelRecord> candidates, List<ModelRecord> bestRecords) {
        for (ModelRecord r : candidates) {
            writeRecord(dir.resolve(candidatePath(r.model(), r.symbol())), r);
        }
        for (ModelRecord r : bestRecords) {
            writeRecord(dir.resolve(BEST).resolve(fileName(r.symbol())), r);
        }
    }

    /** Where a model's candidate record for a symbol lives, relative to the store root (a best record's config_path). */
    public static String candidatePath(String model, String symbol) {
        return safeDirName(model) + "/" + fileName(symbol);
    }

    private static String fileName(String symbol) {
        return symbol.toUpperCase(Locale.ROOT) + ".json";
    }

    /** Model ids such as {@code onnx:tiny} become directory names without path or drive characters. */
    static String safeDirName(String model) {
        return model.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String key(String symbol) {
        return symbol.toUpperCase(Locale.ROOT);
    }

    /** Write-then-rename so a crashed run never leaves a half-written record for the cycle to trip over. */
    private static void writeRecord(Path file, ModelRecord r) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, ModelRecordJson.write(r), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write model record (" + e.getMessage() + ")", e);
        }
    }
}
