package sextant.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sextant.alpaca.AlpacaConfig;
import sextant.core.port.AlertSink;

/** Builds the alert sink from {@code alerts.webhook-url}: always the log, plus the webhook when the key is set. */
final class Alerts {
    private Alerts() {
    }

    static AlertSink fromConfig(SextantConfig cfg, String mode, Path stateDir, Map<String, String> env) {
        if (cfg.alerts().webhookUrl().isEmpty()) {
            return new LoggedAlerts(AlertSink.NONE);
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(env.get(AlpacaConfig.ENV_KEY_ID));
        secrets.add(env.get(AlpacaConfig.ENV_SECRET_KEY));
        return new LoggedAlerts(new WebhookAlerts(cfg.alerts().webhookUrl().get(), mode, stateDir, secrets,
                WebhookAlerts.DEFAULT_TIMEOUT));
    }
}
