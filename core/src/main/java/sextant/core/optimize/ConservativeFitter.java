package sextant.core.optimize;

import java.util.Objects;
import sextant.core.strategy.BarMoves;
import sextant.core.strategy.ConservativeKernel;
import sextant.core.strategy.EntryExitKernel;

/**
 * Exact maximiser of the MaxDiff-family objective under the conservative fill model, by the same argument as
 * {@link EntryExitOptimizer}: every test of {@link ConservativeKernel} compares {@code clip(LP_t + m_l)} or
 * {@code clip(HP_t + m_h)} with a bar's move, so the box is cut into cells at data-defined breakpoints, and inside
 * a cell the objective is linear, non-increasing in m_l and non-decreasing in m_h (an entry's price only rises with
 * m_l, a take-profit's only with m_h; the other pieces are constant or continuous). Each cell's supremum is then at
 * its low-m_l / high-m_h corner, and those corners are the candidates.
 *
 * <p>m_l breakpoints: {@code l - LP} (long entry fills, short take-profit), {@code o - LP} (long opened through),
 * {@code l1 - LP} (a carried short's take-profit), and the clip corners. m_h breakpoints: {@code h - HP},
 * {@code o - HP}, {@code h1 - HP} and the clip corners. For each m_h candidate one difference-array sweep scores every
 * m_l candidate: O(candidates x (days + candidates)).
 *
 * <p>Not thread-safe: one instance per {@link EntryExitOptimizer}.
 */
final class ConservativeFitter {
    /** Per day: entry fill, open, carried low and the two clip corners (m_l); the same for m_h. */
    private final CandidateSweep sweep = new CandidateSweep(5);
    private int[] jFill = new int[8];
    private int[] jOpen = new int[8];
    private int[] jNextLow = new int[8];
    private int[] jNextOpen = new int[8];

    MultiplierFit fit(MultiplierProblem p, boolean closeAtEod) {
        int days = p.days();
        sweep.start(days);
        if (jFill.length < days) {
            jFill = new int[days];
            jOpen = new int[days];
            jNextLow = new int[days];
            jNextOpen = new int[days];
        }
        addCandidates(p);
        int nl = sweep.lowCount();
        int nh = sweep.highCount();
        indexDays(p, nl);
        double baseline = p.total(0, 0, closeAtEod);
        sweep.startSearch(baseline);
        for (int i = 0; i < nh; i++) {
            double mh = sweep.mhCand[i];
            sweep.clear();
            addDays(p, nl, mh, closeAtEod);
            sweep.searchAt(mh, 0);
        }
        return sweep.searchResult(p, baseline, closeAtEod);
    }

    private void addCandidates(MultiplierProblem p) {
        BarMoves m = moves(p);
        double[] lp = p.lp();
        double[] hp = p.hp();
        double nudge = CandidateSweep.NUDGE;
        for (int t = p.from(); t < p.to(); t++) {
            if (!CandidateSweep.active(p, t)) {
                continue;
            }
            sweep.addLow(m.low(t) - lp[t] + nudge);
            sweep.addLow(m.open(t) - lp[t] + nudge);
            if (p.wShort()[t] > 0 && p.carries(t)) {
                sweep.addLow(m.nextLow(t) - lp[t] + nudge);
            }
            sweep.addHigh(m.high(t) - hp[t] - nudge);
            sweep.addHigh(m.open(t) - hp[t] - nudge);
            sweep.addClipCorners(lp[t], hp[t]);
            if (p.wLong()[t] > 0 && p.carries(t)) {
                sweep.addHigh(m.nextHigh(t) - hp[t] - nudge);
            }
        }
        sweep.sortCandidates();
    }

    /** For each day, the first m_l candidate index at which each of the kernel's strict tests turns true. */
    private void indexDays(MultiplierProblem p, int nl) {
        BarMoves m = moves(p);
        double[] lp = p.lp();
        for (int t = p.from(); t < p.to(); t++) {
            int d = t - p.from();
            double l = lp[t];
            jFill[d] = sweep.first(l, m.low(t), true);
            jOpen[d] = sweep.first(l, m.open(t), true);
            boolean carry = p.carries(t);
            jNextLow[d] = carry ? sweep.first(l, m.nextLow(t), true) : nl;
            jNextOpen[d] = carry ? sweep.first(l, m.nextOpen(t), true) : nl;
            sweep.indexClip(d, l);
        }
    }

    private void addDays(MultiplierProblem p, int nl, double mh, boolean closeAtEod) {
        BarMoves m = moves(p);
        double[] wl = p.wLong();
        double[] ws = p.wShort();
        double[] hp = p.hp();
        double[] lp = p.lp();
        double fee2 = 2 * p.fee();
        for (int t = p.from(); t < p.to(); t++) {
            int d = t - p.from();
            double hpc = EntryExitKernel.clampHigh(hp[t] + mh);
            double o = m.open(t);
            double c = m.close(t);
            boolean carry = p.carries(t);
            double w = wl[t];
            if (w > 0) {
                double carried = closeAtEod ? c
                        : ConservativeKernel.carriedLongExit(carry, c, m.nextOpen(t), m.nextHigh(t), m.nextClose(t), hpc);
                double tp = closeAtEod ? c : (m.high(t) > hpc ? hpc : carried);
                int fill = jFill[d];
                int open = Math.max(jOpen[d], fill);
                sweep.addRange(fill, open, w * carried - fee2 * w, 0); // entry at lp': earns -w * lp'
                sweep.addClippedLow(d, lp[t], fill, open, -w);
                sweep.addRange(open, nl, w * (tp - o) - fee2 * w, 0);  // entry at the open
            }
            w = ws[t];
            if (w > 0 && m.high(t) > hpc) {
                boolean openedThrough = o > hpc;
                double entry = openedThrough ? o : hpc;
                double k = w * entry - fee2 * w;
                if (closeAtEod) {
                    sweep.addRange(0, nl, k - w * c, 0);
                    continue;
                }
                int split = openedThrough ? jFill[d] : nl; // from here the take-profit fills on the entry bar
                if (!carry) {
                    sweep.addRange(0, split, k - w * c, 0);
                } else {
                    int a = Math.min(jNextLow[d], split);
                    int b = Math.min(Math.max(jNextOpen[d], jNextLow[d]), split);
                    sweep.addRange(0, a, k - w * m.nextClose(t), 0);
                    sweep.addRange(a, b, k, 0);
                    sweep.addClippedLow(d, lp[t], a, b, -w);
                    sweep.addRange(b, split, k - w * m.nextOpen(t), 0);
                }
                sweep.addRange(split, nl, k, 0);
                sweep.addClippedLow(d, lp[t], split, nl, -w);
            }
        }
    }

    /** EntryExitOptimizer hands only conservative problems here, and those always carry the bars' moves. */
    private static BarMoves moves(MultiplierProblem p) {
        return Objects.requireNonNull(p.moves(), "conservative fit without bar moves");
    }
}
