package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;
import org.jboss.logging.Logger;

/** What a subscriber tells the sidecar about one delivered event, as Dapr's pub/sub API defines. */
public enum Delivery {
    /** Processed (or already processed before): acknowledge. */
    SUCCESS,
    /** A transient failure: the sidecar redelivers with backoff. */
    RETRY,
    /** A poison message: the sidecar drops it, to the dead-letter topic when one is set. */
    DROP;

    private static final Logger LOG = Logger.getLogger(Delivery.class);

    /**
     * How handling one event with {@link EventHandler#handle} ends for the sidecar: its answer (none means
     * SUCCESS), DROP for a {@link PoisonEventException}, RETRY for any other failure (both logged). A delivered
     * event and each event of a batch handled one by one are answered alike.
     */
    public static <T> Delivery of(EventHandler<T> handler, CloudEvent<T> event) {
        try {
            Delivery result = handler.handle(event);
            return result == null ? SUCCESS : result;
        } catch (PoisonEventException e) {
            LOG.warnf("Event %s on %s dropped: %s", event.id(), handler.topic().topic(), e.getMessage());
            return DROP;
        } catch (Exception e) {
            LOG.warnf(e, "Event %s on %s failed; asking the sidecar to retry", event.id(), handler.topic().topic());
            return RETRY;
        }
    }
}
