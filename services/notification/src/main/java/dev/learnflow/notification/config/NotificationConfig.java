package dev.learnflow.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Tuning of the notification service ({@code learnflow.notification.*} or {@code LEARNFLOW_NOTIFICATION_*}). */
@ConfigMapping(prefix = "learnflow.notification")
public interface NotificationConfig {

    Live live();

    /** How long a mute hides repeats of an alert when the teacher does not say. */
    @WithDefault("24")
    int defaultMuteHours();

    /** Alerts returned by one list call unless the caller asks for fewer (at most {@code max-list-limit}). */
    @WithDefault("100")
    int defaultListLimit();

    @WithDefault("500")
    int maxListLimit();

    /** Live pushes of alerts to the teachers' sockets, through the sidecar to the websocket service. */
    interface Live {

        /**
         * Dapr app ids of the websocket replicas. Each replica runs under its own app id (so each is its own
         * Kafka consumer group); every one of them gets every push, and the one holding the socket delivers it.
         */
        @WithDefault("websocket")
        List<String> websocketAppIds();

        @WithDefault("3s")
        Duration timeout();
    }
}
