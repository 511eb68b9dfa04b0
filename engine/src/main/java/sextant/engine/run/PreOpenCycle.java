package sextant.engine.run;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import sextant.core.market.Instrument;

/** The daily cycle a group runs before its session (the app passes {@code CycleEngine.run} and prints its report). */
@FunctionalInterface
public interface PreOpenCycle {
    void run(LocalDate session, List<Instrument> universe, Predicate<Instrument> scope);
}
