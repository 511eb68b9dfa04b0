package sextant.paper;

import java.util.Set;

/**
 * Settings of the local paper broker.
 *
 * @param initialCash  cash of a new account
 * @param stockFeeRate fee per side as a fraction of notional for stocks
 * @param cryptoFeeRate fee per side for crypto
 * @param maxLeverage  gross exposure allowed as a multiple of equity (1 = cash account: no short sales, as on Alpaca)
 * @param slippageBps  a limit fills only if the bar trades through it by this many basis points; market orders (and
 *                     triggered stops) fill this much worse than their price (what {@code sextant replay --gate}
 *                     stresses)
 * @param partialFills a limit order fills at most half of what is left (at least one unit) per bar, once per session
 *                     on the intraday clock too, as large orders do at a real venue, so that partial fills reach the
 *                     engine
 * @param pendingCancels a cancel takes effect only at the next settlement (the next bar, or on the intraday clock the
 *                     next pass that applies a point): until then the order is still working and may fill, as on
 *                     Alpaca ({@code pending_cancel})
 * @param hardToBorrow stock symbols that cannot be sold short (Alpaca: not {@code shortable} or not
 *                     {@code easy_to_borrow}); every other stock is shortable in a margin account
 */
public record PaperConfig(double initialCash, double stockFeeRate, double cryptoFeeRate, double maxLeverage,
                          double slippageBps, boolean partialFills, boolean pendingCancels, Set<String> hardToBorrow) {
    public PaperConfig(double initialCash, double stockFeeRate, double cryptoFeeRate, double maxLeverage) {
        this(initialCash, stockFeeRate, cryptoFeeRate, maxLeverage, 0, false, false);
    }

    public PaperConfig(double initialCash, double stockFeeRate, double cryptoFeeRate, double maxLeverage,
                       double slippageBps, boolean partialFills, boolean pendingCancels) {
        this(initialCash, stockFeeRate, cryptoFeeRate, maxLeverage, slippageBps, partialFills, pendingCancels, Set.of());
    }

    public PaperConfig {
        hardToBorrow = Set.copyOf(hardToBorrow);
        if (!(slippageBps >= 0 && slippageBps <= 500)) {
            throw new IllegalArgumentException("paper.slippage-bps must be between 0 and 500, got " + slippageBps);
        }
        if (!(initialCash > 0)) {
            throw new IllegalArgumentException("paper.initial-cash must be > 0, got " + initialCash);
        }
        if (stockFeeRate < 0 || cryptoFeeRate < 0 || stockFeeRate > 0.05 || cryptoFeeRate > 0.05) {
            throw new IllegalArgumentException("paper fee rates must be between 0 and 0.05");
        }
        if (!(maxLeverage >= 1)) {
            throw new IllegalArgumentException("paper.max-leverage must be >= 1, got " + maxLeverage);
        }
    }

    public static PaperConfig defaults() {
        return new PaperConfig(100_000, 0.0005, 0.0015, 1.0);
    }

    /** A cash account: Alpaca allows no short sales in one, so neither does the paper broker. */
    public boolean isCashAccount() {
        return maxLeverage <= 1;
    }
}
