package dev.learnflow.platform.dapr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.platform.errors.ApiException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app side of Dapr programmatic subscriptions: the sidecar reads {@code GET /dapr/subscribe} at start and
 * POSTs each CloudEvent to the route given there ({@code /dapr/events/{topic}}, on a worker thread, or
 * {@code /dapr/events-on-loop/{topic}} for a {@link EventHandler#nonBlocking()} handler); our reply body tells it
 * SUCCESS, RETRY or DROP. A
 * {@link BulkEventHandler}'s subscription is declared with {@code bulkSubscribe} and routed to
 * {@code /dapr/bulk/{topic}} ({@code /dapr/bulk-on-loop/{topic}} when it is non-blocking), where the sidecar POSTs batches (Dapr's bulk envelope, {@code entries[{entryId,
 * event, contentType, metadata}]}) and we answer a status per entry ({@code statuses[{entryId, status}]}).
 */
@Path("/dapr")
@Tag(name = "dapr", description = "Called by the Dapr sidecar only")
public class SubscriptionResource {

    private static final Logger LOG = Logger.getLogger(SubscriptionResource.class);
    static final String ROUTE_PREFIX = "/dapr/events/";
    static final String BULK_ROUTE_PREFIX = "/dapr/bulk/";
    static final String NON_BLOCKING_BULK_ROUTE_PREFIX = "/dapr/bulk-on-loop/";
    static final String NON_BLOCKING_ROUTE_PREFIX = "/dapr/events-on-loop/";

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
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(String pubsubname, String topic, String route, String deadLetterTopic,
                               BulkSubscribe bulkSubscribe) {
    }

    /** The reply to one delivery, as Dapr expects it. */
    public record DeliveryStatus(Delivery status) {
    }

    /** The status of one entry of a bulk delivery. */
    public record EntryStatus(String entryId, Delivery status) {
    }

    /** The reply to a bulk delivery, as Dapr expects it. */
    public record BulkDeliveryStatus(List<EntryStatus> statuses) {
    }

    @GET
    @Path("/subscribe")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Topics this app subscribes to (read by the sidecar)")
    public List<Subscription> subscriptions() {
        return handlersByTopic.values().stream()
                .map(h -> h instanceof BulkEventHandler<?> bulk
                        ? new Subscription(EventTopic.PUBSUB_NAME, h.topic().topic(),
                        (h.nonBlocking() ? NON_BLOCKING_BULK_ROUTE_PREFIX : BULK_ROUTE_PREFIX) + h.topic().topic(),
                        h.topic().deadLetterTopic(), bulk.bulkSubscribe())
                        : new Subscription(EventTopic.PUBSUB_NAME, h.topic().topic(),
                        (h.nonBlocking() ? NON_BLOCKING_ROUTE_PREFIX : ROUTE_PREFIX) + h.topic().topic(),
                        h.topic().deadLetterTopic(), null))
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
        return deliverOne(topic, envelope, false);
    }

    @POST
    @Path("/events-on-loop/{topic}")
    @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(summary = "Delivery of one CloudEvent to a non-blocking handler (called by the sidecar)")
    public DeliveryStatus deliverOnLoop(@PathParam("topic") String topic, JsonNode envelope) {
        return deliverOne(topic, envelope, true);
    }

    /** On the event loop only to a non-blocking handler: only what /dapr/subscribe announced may hold the loop. */
    private DeliveryStatus deliverOne(String topic, JsonNode envelope, boolean onEventLoop) {
        EventHandler<?> handler = handlersByTopic.get(topic);
        if (handler == null || (onEventLoop && !handler.nonBlocking())) {
            LOG.warnf("Event for topic %s, which this app does not subscribe to%s: dropped", topic,
                    onEventLoop ? " with a non-blocking handler" : "");
            return new DeliveryStatus(Delivery.DROP);
        }
        return new DeliveryStatus(dispatch(handler, envelope));
    }

    @POST
    @Path("/bulk/{topic}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Delivery of a batch of CloudEvents (Dapr bulk subscribe; called by the sidecar)")
    public BulkDeliveryStatus deliverBulk(@PathParam("topic") String topic, JsonNode envelope) {
        return deliverBatch(topic, envelope, false);
    }

    @POST
    @Path("/bulk-on-loop/{topic}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(summary = "Delivery of a batch of CloudEvents to a non-blocking handler (called by the sidecar)")
    public BulkDeliveryStatus deliverBulkOnLoop(@PathParam("topic") String topic, JsonNode envelope) {
        return deliverBatch(topic, envelope, true);
    }

    private BulkDeliveryStatus deliverBatch(String topic, JsonNode envelope, boolean onEventLoop) {
        if (envelope == null || !envelope.path("entries").isArray()) {
            throw ApiException.badRequest("a bulk delivery needs an entries array");
        }
        List<String> entryIds = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode entry : envelope.path("entries")) {
            String entryId = entry.path("entryId").asText("");
            if (entryId.isBlank()) {
                throw ApiException.badRequest("every entry of a bulk delivery needs an entryId");
            }
            entryIds.add(entryId);
            events.add(entry.path("event"));
        }
        EventHandler<?> handler = handlersByTopic.get(topic);
        List<Delivery> statuses;
        if (handler == null || (onEventLoop && !handler.nonBlocking())) {
            LOG.warnf("%d events for topic %s, which this app does not subscribe to%s: dropped", events.size(),
                    topic, onEventLoop ? " with a non-blocking handler" : "");
            statuses = events.stream().map(e -> Delivery.DROP).toList();
        } else if (handler instanceof BulkEventHandler<?> bulk) {
            statuses = dispatchBatch(bulk, events);
        } else {
            statuses = events.stream().map(e -> dispatch(handler, e)).toList();
        }
        List<EntryStatus> out = new ArrayList<>(entryIds.size());
        for (int i = 0; i < entryIds.size(); i++) {
            out.add(new EntryStatus(entryIds.get(i), statuses.get(i)));
        }
        return new BulkDeliveryStatus(out);
    }

    /** The readable events go to the handler in one batch; unreadable ones are dropped (to the dead-letter topic). */
    private <T> List<Delivery> dispatchBatch(BulkEventHandler<T> handler, List<JsonNode> envelopes) {
        Delivery[] statuses = new Delivery[envelopes.size()];
        List<CloudEvent<T>> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            CloudEvent<T> event = read(handler, envelopes.get(i));
            if (event == null) {
                statuses[i] = Delivery.DROP;
            } else {
                readable.add(event);
                positions.add(i);
            }
        }
        if (!readable.isEmpty()) {
            List<Delivery> answered;
            try {
                answered = handler.handleBatch(readable);
            } catch (PoisonEventException e) {
                LOG.warnf("A batch of %d events on %s dropped: %s", readable.size(), handler.topic().topic(),
                        e.getMessage());
                answered = readable.stream().map(ev -> Delivery.DROP).toList();
            } catch (Exception e) {
                LOG.warnf(e, "A batch of %d events on %s failed; asking the sidecar to retry it", readable.size(),
                        handler.topic().topic());
                answered = readable.stream().map(ev -> Delivery.RETRY).toList();
            }
            for (int k = 0; k < positions.size(); k++) {
                Delivery d = answered.get(k);
                statuses[positions.get(k)] = d == null ? Delivery.SUCCESS : d;
            }
        }
        return List.of(statuses);
    }

    /** The envelope as the handler's CloudEvent, or null (logged) when it is not one. */
    private <T> CloudEvent<T> read(EventHandler<T> handler, JsonNode envelope) {
        try {
            JavaType type = mapper.getTypeFactory()
                    .constructParametricType(CloudEvent.class, handler.topic().payloadType());
            CloudEvent<T> event = mapper.convertValue(envelope, type);
            if (event == null || event.id() == null || event.data() == null) {
                throw new IllegalArgumentException("missing id or data");
            }
            return event;
        } catch (IllegalArgumentException e) {
            LOG.warnf("Unreadable event on %s dropped: %s", handler.topic().topic(), e.getMessage());
            return null;
        }
    }

    private <T> Delivery dispatch(EventHandler<T> handler, JsonNode envelope) {
        CloudEvent<T> event = read(handler, envelope);
        return event == null ? Delivery.DROP : Delivery.of(handler, event);
    }
}
