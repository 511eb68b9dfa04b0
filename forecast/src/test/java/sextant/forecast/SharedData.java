package sextant.forecast;

import java.nio.file.Path;
import java.util.List;
import sextant.core.market.BarSeries;
import sextant.data.CsvMarketData;
import sextant.testkit.Shared;

/** Loads ../shared/data/daily once per test JVM (the real bars the targets are stated on). */
public final class SharedData {
    private static List<BarSeries> daily;

    private SharedData() {
    }

    public static Path dailyDir() {
        return Shared.path("data/daily");
    }

    public static synchronized List<BarSeries> daily() {
        if (daily == null) {
            daily = CsvMarketData.open(dailyDir()).loadAll(SymbolClassifier::assetClassOf);
        }
        return daily;
    }
}
