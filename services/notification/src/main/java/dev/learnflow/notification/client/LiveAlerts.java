package dev.learnflow.notification.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.notification.config.NotificationConfig;
import dev.learnflow.notification.domain.LiveMessage;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Puts a message on teachers' sockets: {@code POST /internal/notifications} on every websocket replica, through
 * our sidecar (service invocation; Dapr access control allows exactly this call from notification). A replica
 * that does not hold the teacher's socket still buffers the message, so the teacher can resume on any replica.
 */
@ApplicationScoped
public class LiveAlerts {

    private static final Logger LOG = Logger.getLogger(LiveAlerts.class);
    static final String PUSH_PATH = "/internal/notifications";

    /** A replica refused or could not be reached; the caller decides whether to retry. */
    public static class PushFailedException extends RuntimeException {
        public PushFailedException(String message) {
            super(message);
        }
    }

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final NotificationConfig.Live config;

    public LiveAlerts(ServiceInvoker invoker, ObjectMapper mapper, NotificationConfig config) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.config = config.live();
    }

    /** Pushes to every replica and waits; throws {@link PushFailedException} if any of them failed. */
    public void push(LiveMessage message) {
        try {
            pushAsync(message).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Pushes to every replica without waiting; completes once all took it, or with {@link PushFailedException}
     * if any of them failed.
     */
    public CompletableFuture<Void> pushAsync(LiveMessage message) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("live message cannot be written as JSON", e);
        }
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (String appId : config.websocketAppIds()) {
            calls.add(invoker.invoke(new ServiceInvoker.Call(appId, "POST", PUSH_PATH, "application/json", body,
                            Map.of(), config.timeout()))
                    .handle((reply, failure) -> {
                        if (failure != null) {
                            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause() : failure;
                            return appId + ": " + cause.getMessage();
                        }
                        return reply.status() / 100 == 2 ? null : appId + ": HTTP " + reply.status() + " "
                                + abbreviate(reply.bodyText());
                    }));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<String> failures = calls.stream().map(CompletableFuture::join).filter(f -> f != null).toList();
            if (!failures.isEmpty()) {
                throw new PushFailedException("live push of " + message.id() + " failed: "
                        + String.join("; ", failures));
            }
            LOG.debugf("Pushed %s %s to %s", message.type(), message.id(), message.recipients());
        });
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
