package sextant.engine.replay;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.port.MarketData;

/**
 * The realism gate's decision lag: the engine's view of the market {@code lag} sessions late. A cycle for session D
 * then decides from the bars before the session {@code lag} sessions earlier, while the broker still fills its
 * orders against session D's bar. {@code lag = 0} is the live case.
 */
public final class LaggedMarketData implements MarketData {
    private final MarketData inner;
    private final List<LocalDate> sessions;
    private final int lag;

    public LaggedMarketData(MarketData inner, List<LocalDate> sessions, int lag) {
        this.inner = inner;
        this.sessions = List.copyOf(sessions);
        this.lag = lag;
    }

    @Override
    public BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to) {
        if (lag == 0) {
            return inner.dailyBars(instrument, from, to);
        }
        // The newest session the request covers, moved back by lag sessions; bars after it are hidden.
        int i = Collections.binarySearch(sessions, to);
        int newest = i >= 0 ? i : -i - 2;
        if (newest < 0) {
            return inner.dailyBars(instrument, from, to);
        }
        int shown = newest - lag;
        LocalDate end = shown >= 0 ? sessions.get(shown) : sessions.get(0).minusDays(lag + 1L);
        return inner.dailyBars(instrument, from, end.isBefore(from) ? from.minusDays(1) : end);
    }

    @Override
    public String describe() {
        return inner.describe() + (lag == 0 ? "" : " (decisions " + lag + " session(s) late)");
    }
}
