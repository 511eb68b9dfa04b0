package sextant.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sextant.core.alert.Alert;
import sextant.core.alert.AlertLevel;
import sextant.core.port.AlertSink;

/**
 * Every alert goes to the log first (so it is on record even with no webhook, or when the webhook is down), then to
 * the next sink. Neither step throws.
 */
final class LoggedAlerts implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger("sextant.alerts");
    private final AlertSink next;

    LoggedAlerts(AlertSink next) {
        this.next = next;
    }

    @Override
    public void send(Alert alert) {
        String line = "alert " + alert.level().key() + " " + alert.event().key()
                + alert.symbol().map(s -> " " + s).orElse("") + ": " + alert.message();
        if (alert.level() == AlertLevel.INFO) {
            LOG.info(line);
        } else if (alert.level() == AlertLevel.WARNING) {
            LOG.warn(line);
        } else {
            LOG.error(line);
        }
        try {
            next.send(alert);
        } catch (RuntimeException e) {
            LOG.warn("alert {} not delivered: {}", alert.event().key(), e.toString());
        }
    }
}
