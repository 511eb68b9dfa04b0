package sextant.engine.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.alert.Alert;
import sextant.core.alert.AlertEvent;
import sextant.core.alert.AlertLevel;
import sextant.core.gate.EntryStatus;
import sextant.core.port.AlertSink;
import sextant.core.port.EntryGate;
import sextant.core.port.TradingClock;
import sextant.engine.ExitSettings;
import sextant.engine.OrderEvent;
import sextant.engine.SessionDesk;

/**
 * {@code sextant run}: each market group's day, scheduled by its calendar. Before anything else the loop reconciles
 * the ledger with the broker. Then, at every wake-up, for each group it carries out what is due at that instant:
 * <ol>
 *   <li>the previous session's after-close step, if it has not run (crypto's day roll at 00:00 UTC, or a loop that was
 *       down over a close);</li>
 *   <li>the cycle ({@link Step#PRE_OPEN}) from {@code lead} before the open until the end-of-day steps begin (a cycle
 *       later than that would enter into the close);</li>
 *   <li>the passive, then the marketable end-of-day exit, each once, in its window;</li>
 *   <li>management ({@link Step#MANAGE}) at every wake-up while the session trades;</li>
 *   <li>the after-close step once the session has closed.</li>
 * </ol>
 * One-off steps are marked in the {@link StepJournal} when they finish. A step that fails is logged and alerted and
 * left unmarked, so the next wake-up tries it again; the other steps and groups go on. The kill switch is asked at
 * every step (the cycle and management act on it; the loop reports when it changes).
 *
 * <p>Between wake-ups on the real clock, while a session trades, the loop waits for fills on a broker that reports
 * them as they happen ({@link SessionDesk#awaitFills}) and wakes at the first, so a filled entry gets its take-profit
 * at once.
 */
public final class RunLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);

    private final TradingClock clock;
    private final List<MarketGroup> groups;
    private final Map<String, StepSchedule> schedules = new HashMap<>();
    private final PreOpenCycle cycle;
    private final SessionDesk desk;
    private final StepJournal journal;
    private final EntryGate gate;
    private final AlertSink alerts;
    private final Duration poll;
    private final String dataSource;
    private final String model;
    /** Management writes one ledger row per group and session, not one per poll. */
    private final Map<String, Long> manageRows = new HashMap<>();
    private boolean started;
    private EntryStatus lastEntries = EntryStatus.ALLOWED;

    public RunLoop(TradingClock clock, List<MarketGroup> groups, PreOpenCycle cycle, SessionDesk desk, StepJournal journal,
                   EntryGate gate, AlertSink alerts, ExitSettings exits, Duration poll, String dataSource, String model) {
        this.clock = clock;
        this.groups = List.copyOf(groups);
        this.cycle = cycle;
        this.desk = desk;
        this.journal = journal;
        this.gate = gate;
        this.alerts = alerts;
        this.poll = Objects.requireNonNull(poll, "poll");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, got " + poll);
        }
        this.dataSource = dataSource;
        this.model = model;
        for (MarketGroup g : groups) {
            schedules.put(g.name(), new StepSchedule(g.calendar(), g.preOpenLead(), exits.eodPassive(),
                    exits.eodMarketable()));
        }
    }

    private StepSchedule scheduleOf(MarketGroup g) {
        return Objects.requireNonNull(schedules.get(g.name()), "the constructor gives every group its schedule");
    }

    public StepSchedule schedule(MarketGroup g) {
        return scheduleOf(g);
    }

    /** Runs until {@code end} (exclusive): wake-ups at step boundaries and every poll while a session trades. */
    public List<StepRun> runUntil(Instant end) throws InterruptedException {
        List<StepRun> done = new ArrayList<>();
        while (clock.now().isBefore(end)) {
            done.addAll(tick());
            Instant next = nextWake(clock.now());
            if (!next.isBefore(end)) {
                break;
            }
            waitUntil(next);
        }
        return done;
    }

    /**
     * Until {@code next}, or until a fill arrives while a session trades (the broker's trade stream), so that the
     * management that follows places the filled entry's take-profit at once. A broker without such a stream, a clock
     * that is not the wall clock's (a simulated one jumps), and any time no session trades: it just sleeps.
     */
    private void waitUntil(Instant next) throws InterruptedException {
        Instant now = clock.now();
        if (clock.realTime() && trading(now) && now.isBefore(next) && desk.awaitFills(Duration.between(now, next))) {
            return; // a fill came: the next tick manages it now
        }
        clock.sleepUntil(next);
    }

    private boolean trading(Instant t) {
        return groups.stream().anyMatch(g -> scheduleOf(g).dayAt(t).isTrading(t));
    }

    /** {@code run --once}: reconcile, then what is due now, then return. */
    public List<StepRun> once() {
        return tick();
    }

    /** Everything due at the clock's instant, group by group. */
    public List<StepRun> tick() {
        List<StepRun> out = new ArrayList<>();
        Instant t = clock.now();
        if (!started) {
            out.add(step("account", t.atZone(java.time.ZoneOffset.UTC).toLocalDate(), Step.MANAGE, () -> {
                long id = desk.startStep(t.atZone(java.time.ZoneOffset.UTC).toLocalDate(), "run reconcile", dataSource, model);
                List<OrderEvent> ev = desk.reconcile(id);
                desk.finishStep(id, "run reconcile", ev);
                return "reconciled on start: " + ev.size() + " order event(s)";
            }));
            started = out.get(0).ok();
            if (!started) {
                return out; // nothing is traded before the ledger and the broker agree
            }
        }
        for (MarketGroup g : groups) {
            out.addAll(tick(g, t));
        }
        return out;
    }

    private List<StepRun> tick(MarketGroup g, Instant t) {
        StepSchedule sched = scheduleOf(g);
        DaySchedule day = sched.dayAt(t);
        LocalDate date = day.session().date();
        List<StepRun> out = new ArrayList<>();
        DaySchedule before = sched.preceding(day);
        if (!journal.done(g.name(), before.session().date(), Step.AFTER_CLOSE)) {
            out.add(once(g, before, Step.AFTER_CLOSE, () -> afterClose(g, before.session().date())));
        }
        Step now = day.stepAt(t);
        if (!t.isBefore(day.preOpen()) && t.isBefore(day.passive()) && !journal.done(g.name(), date, Step.PRE_OPEN)) {
            out.add(once(g, day, Step.PRE_OPEN, () -> preOpen(g, date)));
        }
        if (now == Step.EOD_PASSIVE && !journal.done(g.name(), date, Step.EOD_PASSIVE)) {
            out.add(once(g, day, Step.EOD_PASSIVE, () -> closeDue(g, date, false)));
        }
        if (now == Step.EOD_MARKETABLE && !journal.done(g.name(), date, Step.EOD_MARKETABLE)) {
            out.add(once(g, day, Step.EOD_MARKETABLE, () -> closeDue(g, date, true)));
        }
        if (day.isTrading(t)) {
            boolean closing = !t.isBefore(day.passive());
            out.add(step(g.name(), date, Step.MANAGE, () -> manage(g, date, closing)));
        }
        if (now == Step.AFTER_CLOSE && !journal.done(g.name(), date, Step.AFTER_CLOSE)) {
            out.add(once(g, day, Step.AFTER_CLOSE, () -> afterClose(g, date)));
        }
        return out;
    }

    /** The next instant something is due: a step boundary of any group, or the next poll while one trades. */
    public Instant nextWake(Instant t) {
        Instant next = null;
        for (MarketGroup g : groups) {
            StepSchedule sched = scheduleOf(g);
            Instant b = sched.nextBoundary(t);
            if (sched.dayAt(t).isTrading(t) && t.plus(poll).isBefore(b)) {
                b = t.plus(poll);
            }
            next = next == null || b.isBefore(next) ? b : next;
        }
        return next == null ? t.plus(poll) : next;
    }

    private StepRun once(MarketGroup g, DaySchedule day, Step step, java.util.concurrent.Callable<String> work) {
        StepRun r = step(g.name(), day.session().date(), step, work);
        if (r.ok()) {
            journal.markDone(g.name(), day.session().date(), step);
        }
        return r;
    }

    private StepRun step(String group, LocalDate session, Step step, java.util.concurrent.Callable<String> work) {
        Instant at = clock.now();
        askGate();
        try {
            String summary = work.call();
            StepRun r = new StepRun(group, session, step, at, true, summary);
            if (step != Step.MANAGE || !summary.isEmpty()) {
                LOG.info("{}", r);
            }
            return r;
        } catch (Exception e) {
            String msg = group + " " + session + " " + step.key() + " failed: " + e.getMessage();
            LOG.error(msg, e);
            alerts.send(Alert.of(AlertLevel.CRITICAL, AlertEvent.STEP_FAILED, null, msg, at));
            return new StepRun(group, session, step, at, false, String.valueOf(e.getMessage()));
        }
    }

    private String preOpen(MarketGroup g, LocalDate date) {
        cycle.run(date, g.universe(), g.scope());
        return "cycle for " + date + " on " + g.universe().size() + " symbol(s)";
    }

    private String manage(MarketGroup g, LocalDate date, boolean closing) {
        String key = g.name() + " " + date;
        String label = "run manage " + g.name();
        boolean first = !manageRows.containsKey(key);
        long id = manageRows.computeIfAbsent(key, k -> desk.startStep(date, label, dataSource, model));
        List<OrderEvent> ev = desk.manage(id, date, g.scope(), closing);
        if (first || !ev.isEmpty()) {
            desk.finishStep(id, label, ev); // the row says what the latest poll that did something did
        }
        return ev.isEmpty() ? "" : summary(ev);
    }

    private String closeDue(MarketGroup g, LocalDate date, boolean marketable) {
        String label = "run " + (marketable ? Step.EOD_MARKETABLE : Step.EOD_PASSIVE).key() + " " + g.name();
        long id = desk.startStep(date, label, dataSource, model);
        List<OrderEvent> ev = desk.closeDue(id, date, g.scope(), marketable);
        desk.finishStep(id, label, ev);
        return summary(ev);
    }

    private String afterClose(MarketGroup g, LocalDate date) {
        String label = "run after-close " + g.name();
        long id = desk.startStep(date, label, dataSource, model);
        List<OrderEvent> ev = desk.afterClose(id);
        desk.finishStep(id, label, ev);
        manageRows.remove(g.name() + " " + date);
        return summary(ev);
    }

    private void askGate() {
        EntryStatus now = gate.entries();
        if (now.entriesAllowed() != lastEntries.entriesAllowed()) {
            AlertEvent e = now.entriesAllowed() ? AlertEvent.KILL_SWITCH_OFF : AlertEvent.KILL_SWITCH_ON;
            String msg = now.entriesAllowed() ? "kill switch off: entries allowed again" : "new entries stopped: "
                    + now.reason();
            LOG.warn(msg);
            alerts.send(Alert.of(AlertLevel.WARNING, e, null, msg, clock.now()));
        }
        lastEntries = now;
    }

    private static String summary(List<OrderEvent> events) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        events.forEach(e -> counts.merge(e.event(), 1, Integer::sum));
        return events.size() + " order event(s) " + counts;
    }
}
