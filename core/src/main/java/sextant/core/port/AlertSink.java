package sextant.core.port;

import sextant.core.alert.Alert;

/**
 * Port: where alerts go (the log, a webhook). Raising an alert must never break the step that raised it, so an
 * implementation never throws: a failure to deliver is logged by the implementation and the caller goes on.
 */
public interface AlertSink {
    /** Drops every alert; for commands that have nobody to tell. */
    AlertSink NONE = alert -> { };

    void send(Alert alert);
}
