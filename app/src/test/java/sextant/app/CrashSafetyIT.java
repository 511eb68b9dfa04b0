package sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sextant.alpaca.fake.FakeAlpacaServer;
import sextant.alpaca.fake.FakeOrder;
import sextant.testkit.Shared;

/**
 * Issue 13, point 5: the packaged CLI is killed with SIGKILL at seeded random moments, over and over, and restarted each
 * time. After every kill the broker must not hold a duplicated order; after every run that finishes the ledger must know
 * every order the broker has, own exactly the broker's positions, each with its exit working, and {@code state check}
 * must pass. On the paper broker the account at the end must be the one an uninterrupted run of the same span leaves.
 *
 * <p>Kill moments: half are uniform over the whole run (JVM start included: a kill before the database is opened must
 * be harmless too), half fall in the orders and ledger phases, whose offsets come from the uninterrupted run's phase
 * table, since that is where an order can reach the broker and not yet the ledger. The seed and the number of kills per
 * run can be set with {@code -Dsextant.crash.seed} and {@code -Dsextant.crash.kills}, the paper sessions (at most six)
 * with {@code -Dsextant.crash.sessions}, the Alpaca rounds with {@code -Dsextant.crash.alpaca-rounds}.
 *
 * <p>Alpaca runs {@code sextant cycle} on the real clock, the fake's clock saying it is before today's open. The paper
 * case runs {@code sextant cycle --as-of} session by session, the cycle that {@code sextant run}'s pre-open step runs, and
 * {@code sextant run --clock simulated} over the same sessions, which resumes where it was killed.
 */
class CrashSafetyIT {
    static final String[] STOCKS = {"AEM", "HEI", "JD", "KGC", "WPM", "FNV"};
    /**
     * Sessions of real bars: the first four have entries, take-profits, closing limits and a market close; the default
     * (four sessions, two kills a run, three Alpaca rounds) keeps the test near 90 s on an idle CI machine.
     */
    static final List<String> SESSIONS = List.of("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06",
            "2026-03-09").subList(0, Integer.getInteger("sextant.crash.sessions", 4));
    static final long SEED = Long.getLong("sextant.crash.seed", 20261203L);
    static final int KILLS_PER_RUN = Integer.getInteger("sextant.crash.kills", 2);
    static final int ALPACA_ROUNDS = Integer.getInteger("sextant.crash.alpaca-rounds", 3);

    @TempDir
    Path dir;

    @Test
    void paperCyclesKilledAtRandomMomentsNeverDuplicateOrLoseAnOrderOrAnExit() throws Exception {
        Path killed = paperSpanKilledAndStraight();
        assertThat(new StateDb(killed).count("SELECT COUNT(*) FROM paper_fills")).as("the span trades").isPositive();
    }

    /**
     * Paper cycles killed at random moments end with the same account and ledger as a span that was never killed.
     * With this seed a kill lands after a restarted cycle's reconciliation recorded JD's close of 03-03 as expired
     * and before it sent the market close that follows; the next start must still close at market (OrderPhase.escalate
     * reads the expired close from the ledger, not from the reconciliation that saw it).
     */
    @Test
    void paperCyclesKilledAtRandomMomentsEndWithTheAccountOfAnUninterruptedRun() throws Exception {
        paperSpanKilledAndStraight();
        StateDb a = new StateDb(dir.resolve("straight"));
        StateDb b = new StateDb(dir.resolve("killed"));
        for (String sql : List.of(
                "SELECT client_order_id, symbol, side, qty, type, limit_price, tif, status, filled_qty, filled_avg_price"
                        + " FROM paper_orders ORDER BY client_order_id",
                "SELECT client_order_id, symbol, side, qty, price, fee, at FROM paper_fills ORDER BY seq",
                "SELECT symbol, qty, avg_price FROM paper_positions ORDER BY symbol",
                "SELECT cash, settled_through FROM paper_account",
                "SELECT client_order_id, symbol, side, qty, price, fee FROM fills ORDER BY at, client_order_id",
                "SELECT symbol, qty, avg_price FROM owned_positions ORDER BY symbol")) {
            assertThat(b.rows(sql)).as("killed run vs uninterrupted run: " + sql).isEqualTo(a.rows(sql));
        }
    }

    /**
     * {@code sextant run --clock simulated} killed at random moments and started again with the same span resumes where
     * it was (SimulatedRunState, the step journal): no order twice, none lost, the ledger owning what the paper account
     * holds, and at the end the same orders and fills as the run that was never killed.
     */
    @Test
    void aSimulatedRunKilledAtRandomMomentsResumesAndEndsAsTheUninterruptedRun() throws Exception {
        Path csv = copiedCsv("csv-run");
        KillableCli cli = new KillableCli(dir, Map.of());
        Path straight = dir.resolve("run-straight");
        Path killed = dir.resolve("run-killed");
        KillableCli.Attempt whole = cli.run(simulatedRun(straight, csv));
        assertThat(whole.exit()).as(whole.out()).isZero();
        StateDb a = new StateDb(straight);
        assertThat(a.count("SELECT COUNT(*) FROM paper_fills")).as("the span trades").isPositive();

        Random rnd = new Random(SEED + 1);
        KillWindow window = new KillWindow(whole.ran(), Duration.ofMillis(300), whole.ran());
        int landed = 0;
        for (int k = 0; k < 2 * KILLS_PER_RUN; k++) {
            Duration at = window.draw(rnd);
            KillableCli.Attempt r = cli.killAfter(simulatedRun(killed, csv), at);
            if (r.killed() && Files.exists(killed.resolve("sextant.db"))) {
                landed++;
                assertThat(paperInvariants(killed).atAnyMoment()).as("right after a kill at " + at.toMillis() + " ms")
                        .isEmpty();
            }
        }
        KillableCli.Attempt end = cli.run(simulatedRun(killed, csv));
        assertThat(end.exit()).as(end.out()).isZero();
        assertThat(landed).as("kills landed inside the run").isPositive();
        assertThat(paperInvariants(killed).notInTheLedger()).isEmpty();
        StateDb b = new StateDb(killed);
        for (String sql : List.of(
                "SELECT client_order_id, symbol, side, qty, type, limit_price, tif, status, filled_qty, filled_avg_price"
                        + " FROM paper_orders ORDER BY client_order_id",
                "SELECT client_order_id, symbol, side, qty, price, fee, at FROM paper_fills ORDER BY seq",
                "SELECT symbol, qty, avg_price FROM paper_positions ORDER BY symbol",
                "SELECT symbol, qty, avg_price FROM owned_positions ORDER BY symbol",
                "SELECT symbol, side, qty, strategy, entry_client_order_id, status FROM position_plans ORDER BY id")) {
            assertThat(b.rows(sql)).as("killed run vs uninterrupted run: " + sql).isEqualTo(a.rows(sql));
        }
    }

    static List<String> simulatedRun(Path state, Path csv) {
        return List.of("run", "--clock", "simulated", "--from", SESSIONS.get(0), "--to", SESSIONS.get(SESSIONS.size() - 1),
                "--state-dir", state.toString(), "--set", "strategies.edge-z=0", "--set", "data.source=csv",
                "--set", "data.csv-dir=" + csv, "--set", "universe.stocks=[" + String.join(",", STOCKS) + "]",
                "--set", "universe.crypto=[]", "--set", "run.poll-seconds=3600");
    }

    private Path copiedCsv(String name) throws java.io.IOException {
        Path csv = dir.resolve(name);
        Files.createDirectories(csv);
        for (String s : STOCKS) {
            Files.copy(Shared.root().resolve("data/daily/" + s + ".csv"), csv.resolve(s + ".csv"));
        }
        return csv;
    }

    /** The span uninterrupted in {@code straight}, then killed and restarted in {@code killed}; returns the latter. */
    Path paperSpanKilledAndStraight() throws Exception {
        Path csv = copiedCsv("csv");
        KillableCli cli = new KillableCli(dir, Map.of());
        Path straight = dir.resolve("straight");
        Path killed = dir.resolve("killed");

        List<KillWindow> windows = new ArrayList<>();
        for (String day : SESSIONS) {
            KillableCli.Attempt r = cli.run(paperCycle(straight, csv, day));
            assertThat(r.exit()).as(r.out()).isZero();
            windows.add(KillWindow.of(r));
        }

        Random rnd = new Random(SEED);
        KillStats stats = new KillStats();
        for (int i = 0; i < SESSIONS.size(); i++) {
            List<String> args = paperCycle(killed, csv, SESSIONS.get(i));
            Supplier<CrashInvariants> now = () -> paperInvariants(killed);
            killAndRestart(cli, args, windows.get(i), rnd, now, killed, stats);
        }

        System.out.println("paper crash test: " + stats);
        assertThat(stats.interruptedCycles(killed)).as("kills landed inside cycles: " + stats).isPositive();
        return killed;
    }

    @Test
    void alpacaCyclesKilledAtRandomMomentsNeverDuplicateOrLoseAnOrder() throws Exception {
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            // The real clock, with the fake's clock saying it is before today's open: a cycle may run.
            alpaca.marketTime(AlpacaCycleIT.beforeTheOpen());
            Path state = dir.resolve("alpaca");
            KillableCli cli = new KillableCli(dir, alpaca.env());
            List<String> args = List.of("cycle", "--broker", "alpaca", "--data", "alpaca", "--state-dir", state.toString(),
                    "--no-progress", "--set", "strategies.edge-z=0",
                    "--set", "universe.stocks=[SPY,QQQ,GLD,GS,COST,PLTR]", "--set", "universe.crypto=[BTCUSD,ETHUSD]");
            KillableCli.Attempt first = cli.run(args);
            assertThat(first.exit()).as(first.out()).isZero();
            // Later runs are quicker (bars cached): each round's kills are drawn from the run before it.
            KillWindow window = KillWindow.of(first);
            Supplier<CrashInvariants> now = () -> alpacaInvariants(state, alpaca);
            assertThat(now.get().afterARun()).as(first.out()).isEmpty();
            assertThat(alpaca.orders()).as(first.out()).isNotEmpty();

            Random rnd = new Random(SEED);
            KillStats stats = new KillStats();
            for (int round = 0; round < ALPACA_ROUNDS; round++) {
                // Between runs the market moves: some of Sextant's resting orders fill, so the next run has fills to
                // book and positions whose exits it must place, and a kill can fall between the two.
                for (FakeOrder o : alpaca.orders()) {
                    if (o.status().equals("new") && !o.isLeg() && rnd.nextBoolean()) {
                        alpaca.fillOrder(o.id(), Double.isNaN(o.limitPrice()) ? alpaca.price(o.symbol()) : o.limitPrice());
                    }
                }
                window = KillWindow.of(killAndRestart(cli, args, window, rnd, now, state, stats));
            }
            System.out.println("alpaca crash test: " + stats);
            assertThat(alpaca.ordersWithoutClientOrderId()).isZero();
            assertThat(stats.interruptedCycles(state)).as("kills landed inside cycles: " + stats).isPositive();
        }
    }

    /**
     * {@code sextant run} on the real clock against the fake Alpaca, the fake's calendar saying that today's session is
     * under way, so the loop's cycle and its management polls are due. While the loop runs, the market fills Sextant's
     * resting orders at random (a thread of the test), so kills fall between a fill and its take-profit, inside the
     * cycle's orders, and between polls. The loop never ends by itself: each start is killed; then {@code run --once},
     * with the market still, must leave the ledger equal to the broker with every position's exit working.
     */
    @Test
    void anAlpacaRunOnTheRealClockKilledAtRandomMomentsNeverDuplicatesOrLosesAnOrderOrAnExit() throws Exception {
        // An uninterrupted run --once on a fake of its own measures how long a start takes to do its cycles.
        Duration ran;
        try (FakeAlpacaServer measure = FakeAlpacaServer.start()) {
            sessionUnderWay(measure, java.time.Instant.now());
            KillableCli.Attempt whole = new KillableCli(dir, measure.env()).run(alpacaRun(dir.resolve("measure"), true));
            assertThat(whole.exit()).as(whole.out()).isZero();
            assertThat(measure.orders()).as(whole.out()).isNotEmpty();
            ran = whole.ran();
        }
        try (FakeAlpacaServer alpaca = FakeAlpacaServer.start()) {
            sessionUnderWay(alpaca, java.time.Instant.now());
            Path state = dir.resolve("alpaca-run");
            KillableCli cli = new KillableCli(dir, alpaca.env());
            Supplier<CrashInvariants> now = () -> alpacaInvariants(state, alpaca);
            // Kills anywhere from the JVM's start, through the cycles, to a few polls past their end.
            Duration reach = ran.plusSeconds(3);
            Random rnd = new Random(SEED + 2);
            KillStats stats = new KillStats();
            int fills;
            try (RandomFills market = new RandomFills(alpaca, new Random(SEED + 3))) {
                for (int k = 0; k < ALPACA_ROUNDS * KILLS_PER_RUN; k++) {
                    Duration at = Duration.ofMillis(1 + (long) (rnd.nextDouble() * reach.toMillis()));
                    KillableCli.Attempt r = cli.killAfter(alpacaRun(state, false), at);
                    assertThat(r.killed()).as("the loop runs until it is stopped:\n" + r.out()).isTrue();
                    stats.attempt(r, at);
                    if (Files.exists(state.resolve("sextant.db"))) {
                        CrashInvariants inv = now.get();
                        assertThat(inv.atAnyMoment()).as("right after a kill at " + at.toMillis() + " ms").isEmpty();
                        stats.ahead(inv);
                    }
                }
                fills = market.filled();
                assertThat(fills).as("the market filled some of the loop's orders").isPositive();
            }
            KillableCli.Attempt end = cli.run(alpacaRun(state, true));
            assertThat(end.exit()).as(end.out()).isZero();
            System.out.println("alpaca run crash test: " + stats + "; " + stats.interruptedCycles(state)
                    + " cycle(s) interrupted; the market filled " + fills + " order(s); "
                    + alpaca.orders().size() + " orders at the broker, positions " + now.get().positions());
            System.out.println("last run:\n" + end.out() + "\norders: " + alpaca.orders().stream().map(o -> o.symbol()
                    + " " + o.side() + " " + o.type() + " " + o.status() + (o.isLeg() ? " (leg)" : "")).toList());
            assertThat(now.get().afterARun()).as("after the run --once that finished:\n" + end.out()).isEmpty();
            Cli check = Cli.run("state", "check", "--state-dir", state.toString());
            assertThat(check.exit()).as(check.out() + check.err()).isZero();
            assertThat(alpaca.ordersWithoutClientOrderId()).isZero();
            assertThat(new StateDb(state).count("SELECT COUNT(*) FROM fills")).as("fills booked").isPositive();
        }
    }

    /** Today's New York session (a weekend day too) opened an hour ago and closes in three hours, within the day. */
    static void sessionUnderWay(FakeAlpacaServer alpaca, java.time.Instant t) {
        java.time.ZonedDateTime ny = t.atZone(java.time.ZoneId.of("America/New_York"));
        java.time.LocalTime at = ny.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.LocalTime open = at.isBefore(java.time.LocalTime.of(1, 0)) ? java.time.LocalTime.MIDNIGHT
                : at.minusHours(1);
        java.time.LocalTime close = at.isAfter(java.time.LocalTime.of(20, 58)) ? java.time.LocalTime.of(23, 59)
                : at.plusHours(3);
        alpaca.calendar().session(ny.toLocalDate(), open, close);
    }

    static List<String> alpacaRun(Path state, boolean once) {
        List<String> args = new ArrayList<>(List.of("run", "--broker", "alpaca", "--data", "alpaca", "--state-dir",
                state.toString(), "--set", "strategies.edge-z=0", "--set", "run.poll-seconds=1",
                "--set", "universe.stocks=[SPY,QQQ,GLD,GS]", "--set", "universe.crypto=[BTCUSD,ETHUSD]"));
        if (once) {
            args.add(1, "--once");
        }
        return args;
    }

    /** The market while a loop runs: every 150 ms, each of Sextant's working orders fills at its limit with chance 1/4. */
    static final class RandomFills implements AutoCloseable {
        private final FakeAlpacaServer alpaca;
        private final Random rnd;
        private final Thread thread;
        private volatile boolean stop;
        private int filled;

        RandomFills(FakeAlpacaServer alpaca, Random rnd) {
            this.alpaca = alpaca;
            this.rnd = rnd;
            this.thread = new Thread(this::loop, "random-fills");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (!stop) {
                for (FakeOrder o : alpaca.orders()) {
                    if (o.status().equals("new") && !o.isLeg() && rnd.nextInt(4) == 0) {
                        try {
                            alpaca.fillOrder(o.id(), Double.isNaN(o.limitPrice()) ? alpaca.price(o.symbol())
                                    : o.limitPrice());
                            filled++;
                        } catch (IllegalStateException e) {
                            // cancelled or replaced by the loop since the snapshot: nothing to fill
                        }
                    }
                }
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int filled() {
            return filled;
        }

        @Override
        public void close() {
            stop = true;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Kills the run {@link #KILLS_PER_RUN} times at random moments, checking what must hold at any moment after each
     * kill, then lets it finish and checks everything; returns the run that finished.
     */
    KillableCli.Attempt killAndRestart(KillableCli cli, List<String> args, KillWindow window, Random rnd,
                                       Supplier<CrashInvariants> now, Path state, KillStats stats) throws Exception {
        for (int k = 0; k < KILLS_PER_RUN; k++) {
            Duration at = window.draw(rnd);
            KillableCli.Attempt r = cli.killAfter(args, at);
            stats.attempt(r, at);
            if (Files.exists(state.resolve("sextant.db"))) {
                CrashInvariants inv = now.get();
                assertThat(inv.atAnyMoment()).as("right after a kill at " + at.toMillis() + " ms").isEmpty();
                stats.ahead(inv);
            }
        }
        KillableCli.Attempt end = cli.run(args);
        assertThat(end.exit()).as(end.out()).isZero();
        assertThat(now.get().afterARun()).as("after the restart that finished:\n" + end.out()).isEmpty();
        Cli check = Cli.run("state", "check", "--state-dir", state.toString());
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        return end;
    }

    static List<String> paperCycle(Path state, Path csv, String day) {
        // The gate is opened (edge-z 0) so that the cycles trade.
        return List.of("cycle", "--state-dir", state.toString(), "--as-of", LocalDate.parse(day).toString(),
                "--no-progress", "--set", "strategies.edge-z=0", "--set", "data.source=csv",
                "--set", "data.csv-dir=" + csv, "--set", "universe.stocks=[" + String.join(",", STOCKS) + "]",
                "--set", "universe.crypto=[]");
    }

    static CrashInvariants paperInvariants(Path state) {
        StateDb db = new StateDb(state);
        List<BrokerOrder> orders = db.rows("SELECT client_order_id, symbol, side, status, qty, filled_qty FROM paper_orders")
                .stream().map(r -> new BrokerOrder(r.get(0), r.get(1), r.get(2), r.get(3), Double.parseDouble(r.get(4)),
                        Double.parseDouble(r.get(5)))).toList();
        Map<String, Double> positions = new TreeMap<>();
        db.rows("SELECT symbol, qty FROM paper_positions").forEach(r -> positions.put(r.get(0), Double.parseDouble(r.get(1))));
        return new CrashInvariants(db, orders, positions);
    }

    static CrashInvariants alpacaInvariants(Path state, FakeAlpacaServer alpaca) {
        List<BrokerOrder> orders = alpaca.orders().stream().map(o -> new BrokerOrder(o.clientOrderId(),
                o.symbol().replace("/", ""), o.side(), o.status(), o.qty(), o.filledQty())).toList();
        Map<String, Double> positions = new TreeMap<>();
        for (String s : List.of("SPY", "QQQ", "GLD", "GS", "COST", "PLTR", "BTCUSD", "ETHUSD")) {
            positions.put(s, alpaca.positionQty(s));
        }
        return new CrashInvariants(new StateDb(state), orders, positions);
    }
}
