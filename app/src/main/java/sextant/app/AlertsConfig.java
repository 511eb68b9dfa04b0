package sextant.app;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code alerts} section.
 *
 * @param webhookUrl where alerts are POSTed as JSON besides the log; empty: the log only
 */
record AlertsConfig(Optional<URI> webhookUrl) {
    AlertsConfig {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
    }

    static AlertsConfig from(ConfigTree t) {
        String raw = t.string("alerts.webhook-url");
        return new AlertsConfig(raw.isBlank() ? Optional.empty() : Optional.of(WebhookAlerts.parseUrl(t.source(), raw)));
    }
}
