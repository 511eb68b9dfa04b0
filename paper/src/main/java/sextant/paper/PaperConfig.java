package sextant.paper;

/**
 * Settings of the local paper broker.
 *
 * @param initialCash  cash of a new account
 * @param stockFeeRate fee per side as a fraction of notional for stocks
 * @param cryptoFeeRate fee per side for crypto
 * @param maxLeverage  gross exposure allowed as a multiple of equity (1 = cash account)
 * @param slippageBps  a limit fills only if the bar trades through it by this many basis points; market orders fill
 *                     this much worse than the open (what {@code sextant replay --gate} stresses)
 */
public record PaperConfig(double initialCash, double stockFeeRate, double cryptoFeeRate, double maxLeverage,
                          double slippageBps) {
    public PaperConfig(double initialCash, double stockFeeRate, double cryptoFeeRate, double maxLeverage) {
        this(initialCash, stockFeeRate, cryptoFeeRate, maxLeverage, 0);
    }

    public PaperConfig {
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
}
