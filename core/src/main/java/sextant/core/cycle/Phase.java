package sextant.core.cycle;

/** The timed phases of a cycle, in pipeline order. */
public enum Phase {
    DATA("data"),
    MODEL_LOAD("model load"),
    WARM_UP("warm-up"),
    FORECASTING("forecasting"),
    BACKTESTS("backtests"),
    DECISIONS("decisions"),
    ORDERS("orders"),
    LEDGER("ledger");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
