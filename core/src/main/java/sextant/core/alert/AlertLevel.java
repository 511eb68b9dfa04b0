package sextant.core.alert;

/** How urgent an alert is: WARNING needs a look today, CRITICAL needs a look now (money is exposed). */
public enum AlertLevel {
    INFO,
    WARNING,
    CRITICAL;

    /** The JSON and log spelling: lower case. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
