package sextant.forecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sextant.core.market.BarSeries;
import sextant.data.CsvMarketData;

/** Loads ../shared/data/daily once per test JVM (the real bars the targets are stated on). */
public final class SharedData {
    private static List<BarSeries> daily;

    private SharedData() {
    }

    public static Path dailyDir() {
        String shared = System.getProperty("sextant.shared", "../shared");
        Path dir = Path.of(shared).resolve("data/daily");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: tests need ../shared/data/daily next to the repository");
        }
        return dir;
    }

    public static synchronized List<BarSeries> daily() {
        if (daily == null) {
            daily = CsvMarketData.open(dailyDir()).loadAll(SymbolClassifier::assetClassOf);
        }
        return daily;
    }
}
