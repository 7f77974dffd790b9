package dev.learnflow.platform.dapr;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app side of Dapr programmatic subscriptions: the sidecar reads {@code GET /dapr/subscribe} at start and
 * POSTs each CloudEvent to the route given there; our reply body tells it SUCCESS, RETRY or DROP.
 */
@Path("/dapr")
@Tag(name = "dapr", description = "Called by the Dapr sidecar only")
public class SubscriptionResource {

    private static final Logger LOG = Logger.getLogger(SubscriptionResource.class);
    static final String ROUTE_PREFIX = "/dapr/events/";

    private final Map<String, EventHandler<?>> handlersByTopic = new HashMap<>();
    private final ObjectMapper mapper;

    @Inject
    public SubscriptionResource(Instance<EventHandler<?>> handlers, ObjectMapper mapper) {
        this.mapper = mapper;
        for (EventHandler<?> handler : handlers) {
            EventHandler<?> previous = handlersByTopic.put(handler.topic().topic(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for topic " + handler.topic().topic());
            }
        }
    }

    /** One Dapr subscription entry, in the shape of the Dapr v1 programmatic subscription API. */
    public record Subscription(String pubsubname, String topic, String route, String deadLetterTopic) {
    }

    /** The reply to one delivery, as Dapr expects it. */
    public record DeliveryStatus(Delivery status) {
    }

    @GET
    @Path("/subscribe")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Topics this app subscribes to (read by the sidecar)")
    public List<Subscription> subscriptions() {
        return handlersByTopic.values().stream()
                .map(h -> new Subscription(EventTopic.PUBSUB_NAME, h.topic().topic(),
                        ROUTE_PREFIX + h.topic().topic(), h.topic().deadLetterTopic()))
                .sorted(java.util.Comparator.comparing(Subscription::topic))
                .toList();
    }

    @POST
    @Path("/events/{topic}")
    @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Delivery of one CloudEvent (called by the sidecar)")
    public DeliveryStatus deliver(@PathParam("topic") String topic, JsonNode envelope) {
        EventHandler<?> handler = handlersByTopic.get(topic);
        if (handler == null) {
            LOG.warnf("Event for topic %s, which this app does not subscribe to: dropped", topic);
            return new DeliveryStatus(Delivery.DROP);
        }
        return new DeliveryStatus(dispatch(handler, envelope));
    }

    private <T> Delivery dispatch(EventHandler<T> handler, JsonNode envelope) {
        CloudEvent<T> event;
        try {
            JavaType type = mapper.getTypeFactory()
                    .constructParametricType(CloudEvent.class, handler.topic().payloadType());
            event = mapper.convertValue(envelope, type);
            if (event == null || event.id() == null || event.data() == null) {
                throw new IllegalArgumentException("missing id or data");
            }
        } catch (IllegalArgumentException e) {
            LOG.warnf("Unreadable event on %s dropped: %s", handler.topic().topic(), e.getMessage());
            return Delivery.DROP;
        }
        try {
            Delivery result = handler.handle(event);
            return result == null ? Delivery.SUCCESS : result;
        } catch (PoisonEventException e) {
            LOG.warnf("Event %s on %s dropped: %s", event.id(), handler.topic().topic(), e.getMessage());
            return Delivery.DROP;
        } catch (Exception e) {
            LOG.warnf(e, "Event %s on %s failed; asking the sidecar to retry", event.id(), handler.topic().topic());
            return Delivery.RETRY;
        }
    }
}
