package sextant.app;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import sextant.paper.PaperConfig;

/** Maps the {@code paper} section onto the paper broker's own settings record, which checks the ranges. */
final class PaperSection {
    private PaperSection() {
    }

    static PaperConfig from(ConfigTree t) {
        return new PaperConfig(t.number("paper.initial-cash"), t.number("paper.stock-fee"), t.number("paper.crypto-fee"),
                t.number("paper.max-leverage"), t.number("paper.slippage-bps"), t.bool("paper.partial-fills"),
                t.bool("paper.pending-cancels"), hardToBorrow(t));
    }

    /** Stock symbols as the universe spells them (upper case), so that {@code [gme]} matches GME. */
    private static Set<String> hardToBorrow(ConfigTree t) {
        Set<String> out = new TreeSet<>();
        t.list("paper.hard-to-borrow").forEach(s -> out.add(s.trim().toUpperCase(Locale.ROOT)));
        return out;
    }
}
