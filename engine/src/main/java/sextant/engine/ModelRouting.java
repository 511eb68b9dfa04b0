package sextant.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import sextant.core.forecast.Forecaster;
import sextant.core.market.Instrument;

/** Which forecaster serves which symbol: a default plus per-symbol choices (from the model store). */
public record ModelRouting(Forecaster defaultModel, Map<String, Forecaster> bySymbol) {
    public ModelRouting {
        bySymbol = Map.copyOf(bySymbol);
    }

    public static ModelRouting single(Forecaster model) {
        return new ModelRouting(model, Map.of());
    }

    public Forecaster forSymbol(Instrument instrument) {
        return bySymbol.getOrDefault(instrument.symbol(), defaultModel);
    }

    /** Every distinct forecaster, default first. */
    public List<Forecaster> all() {
        IdentityHashMap<Forecaster, Boolean> seen = new IdentityHashMap<>();
        List<Forecaster> out = new ArrayList<>();
        for (Forecaster f : concat()) {
            if (seen.put(f, Boolean.TRUE) == null) {
                out.add(f);
            }
        }
        return out;
    }

    private List<Forecaster> concat() {
        List<Forecaster> l = new ArrayList<>();
        l.add(defaultModel);
        l.addAll(bySymbol.values());
        return l;
    }

    /** The same routing with every distinct forecaster replaced by {@code f(forecaster)} (for replay controls). */
    public ModelRouting map(java.util.function.UnaryOperator<Forecaster> f) {
        IdentityHashMap<Forecaster, Forecaster> replaced = new IdentityHashMap<>();
        Forecaster d = replaced.computeIfAbsent(defaultModel, f);
        Map<String, Forecaster> by = new java.util.HashMap<>();
        bySymbol.forEach((sym, m) -> by.put(sym, replaced.computeIfAbsent(m, f)));
        return new ModelRouting(d, by);
    }

    public String describe() {
        return bySymbol.isEmpty() ? defaultModel.id() : defaultModel.id() + " (+" + bySymbol.size() + " per-symbol)";
    }
}
