package sextant.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sextant.core.alert.Alert;
import sextant.core.alert.AlertEvent;
import sextant.core.calendar.CryptoCalendar;
import sextant.core.calendar.NyseCalendar;
import sextant.core.market.Instrument;
import sextant.core.port.EntryGate;
import sextant.engine.run.MarketGroup;
import sextant.engine.run.MemoryStepJournal;
import sextant.engine.run.RunLoop;
import sextant.engine.run.SimulatedClock;
import sextant.engine.run.Step;
import sextant.engine.run.StepRun;
import sextant.engine.run.TradingClockView;

/**
 * The run loop on a simulated clock over a holiday weekend (Thursday 2026-07-02 to Monday 07-06: Friday July 3 is
 * Independence Day observed), polling every two hours, with the real desk on the fake Alpaca: which steps run, for which session, in which order,
 * and that each one-off step runs exactly once per session.
 */
class RunLoopScheduleTest {
    private static final Instrument AAPL = Instrument.stock("AAPL");
    private static final Instrument BTC = Instrument.crypto("BTCUSD");

    private record CycleCall(String group, LocalDate session, Instant at) {
    }

    @Test
    void stepsFollowEachGroupsCalendar() throws Exception {
        try (AlpacaAccountHarness h = AlpacaAccountHarness.unthrottled()) {
            SimulatedClock clock = new SimulatedClock(Instant.parse("2026-07-02T12:00:00Z"));
            List<CycleCall> cycles = new ArrayList<>();
            List<Alert> alerts = new ArrayList<>();
            SessionDesk desk = new SessionDesk(h.broker, h.ledger, "sx", h.settings, alerts::add, new TradingClockView(clock));
            List<MarketGroup> groups = MarketGroup.split(List.of(AAPL, BTC), new NyseCalendar(), CryptoCalendar.INSTANCE,
                    Duration.ofMinutes(30));
            RunLoop loop = new RunLoop(clock, groups, (session, universe, scope) -> cycles.add(new CycleCall(
                    universe.get(0).isCrypto() ? "crypto" : "stocks", session, clock.now())), desk,
                    new MemoryStepJournal(), EntryGate.ALWAYS_ALLOWED, alerts::add, ExitSettings.defaults(),
                    Duration.ofHours(2), "test", "test");

            List<StepRun> runs = loop.runUntil(Instant.parse("2026-07-06T21:00:00Z"));

            assertThat(runs.get(0).summary()).startsWith("reconciled on start");
            assertThat(cycles).filteredOn(c -> c.group().equals("stocks")).extracting(CycleCall::session)
                    .as("no cycle on the holiday or the weekend").containsExactly(LocalDate.of(2026, 7, 2),
                            LocalDate.of(2026, 7, 6));
            assertThat(cycles).filteredOn(c -> c.group().equals("stocks")).extracting(CycleCall::at)
                    .containsExactly(Instant.parse("2026-07-02T13:00:00Z"), Instant.parse("2026-07-06T13:00:00Z"));
            assertThat(cycles).filteredOn(c -> c.group().equals("crypto")).extracting(CycleCall::at)
                    .as("crypto's cycle at the start, then at each roll").containsExactly(
                            Instant.parse("2026-07-02T12:00:00Z"), Instant.parse("2026-07-03T00:00:00Z"),
                            Instant.parse("2026-07-04T00:00:00Z"), Instant.parse("2026-07-05T00:00:00Z"),
                            Instant.parse("2026-07-06T00:00:00Z"));
            // Started at 12:00 UTC on Thursday: crypto's Thursday cycle is still due (its end-of-day is not near).
            assertThat(runs).filteredOn(r -> r.group().equals("crypto") && r.step() == Step.PRE_OPEN).first()
                    .satisfies(r -> assertThat(r.at()).isEqualTo(Instant.parse("2026-07-02T12:00:00Z")));

            List<StepRun> monday = runs.stream().filter(r -> r.group().equals("stocks")
                    && r.session().equals(LocalDate.of(2026, 7, 6)) && r.step() != Step.MANAGE).toList();
            assertThat(monday).extracting(StepRun::step).containsExactly(Step.PRE_OPEN, Step.EOD_PASSIVE,
                    Step.EOD_MARKETABLE, Step.AFTER_CLOSE);
            assertThat(monday).extracting(StepRun::at).containsExactly(Instant.parse("2026-07-06T13:00:00Z"),
                    Instant.parse("2026-07-06T19:45:00Z"), Instant.parse("2026-07-06T19:55:00Z"),
                    Instant.parse("2026-07-06T20:00:00Z"));
            assertThat(runs).filteredOn(r -> r.step() == Step.MANAGE && r.group().equals("stocks"))
                    .allSatisfy(r -> assertThat(r.at()).isBetween(Instant.parse(r.session() + "T13:30:00Z"),
                            Instant.parse(r.session() + "T19:59:59Z")));
            // The roll: Friday's crypto day closes, then Saturday's cycle runs, in that order, at 00:00 UTC.
            List<StepRun> roll = runs.stream().filter(r -> r.group().equals("crypto")
                    && r.at().equals(Instant.parse("2026-07-04T00:00:00Z"))).toList();
            assertThat(roll).extracting(r -> r.session() + " " + r.step().key()).containsExactly(
                    "2026-07-03 after-close", "2026-07-04 pre-open", "2026-07-04 manage");
            assertThat(runs).allMatch(StepRun::ok);
            assertThat(alerts).noneMatch(a -> a.event() == AlertEvent.STEP_FAILED);
        }
    }

    @Test
    void aFailedStepIsAlertedAndTriedAgain() throws Exception {
        try (AlpacaAccountHarness h = AlpacaAccountHarness.unthrottled()) {
            SimulatedClock clock = new SimulatedClock(Instant.parse("2026-07-06T13:00:00Z"));
            List<Alert> alerts = new ArrayList<>();
            SessionDesk desk = new SessionDesk(h.broker, h.ledger, "sx", h.settings, alerts::add, new TradingClockView(clock));
            int[] calls = {0};
            RunLoop loop = new RunLoop(clock, MarketGroup.split(List.of(AAPL), new NyseCalendar(), CryptoCalendar.INSTANCE,
                    Duration.ofMinutes(30)), (session, universe, scope) -> {
                        if (calls[0]++ == 0) {
                            throw new IllegalStateException("bars not published yet");
                        }
                    }, desk, new MemoryStepJournal(), EntryGate.ALWAYS_ALLOWED, alerts::add, ExitSettings.defaults(),
                    Duration.ofMinutes(10), "test", "test");
            List<StepRun> first = loop.once();
            assertThat(first).filteredOn(r -> r.step() == Step.PRE_OPEN).singleElement()
                    .satisfies(r -> assertThat(r.ok()).isFalse());
            assertThat(alerts).filteredOn(a -> a.event() == AlertEvent.STEP_FAILED).singleElement()
                    .satisfies(a -> assertThat(a.message()).contains("pre-open failed: bars not published yet"));
            clock.sleepUntil(loop.nextWake(clock.now()));
            assertThat(loop.once()).filteredOn(r -> r.step() == Step.PRE_OPEN).singleElement()
                    .satisfies(r -> assertThat(r.ok()).isTrue());
            assertThat(calls[0]).isEqualTo(2);
        }
    }
}
