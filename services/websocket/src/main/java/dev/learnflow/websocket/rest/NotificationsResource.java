package dev.learnflow.websocket.rest;

import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.websocket.domain.PushAccepted;
import dev.learnflow.websocket.domain.PushRequest;
import dev.learnflow.websocket.service.EventMessages;
import dev.learnflow.websocket.service.Relay;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * Pushes from other services, through the sidecars: {@code notification} sends new and changed alerts here.
 * Dapr access control lets only it call this route, and platform's SidecarTrustFilter lets only this app's own
 * sidecar (its app API token) reach it. A {@code dapr-caller-app-id} header proves nothing: anyone can send one.
 */
@Path("/internal/notifications")
@Tag(name = "internal", description = "Called by other LearnFlow services through their sidecars")
public class NotificationsResource {

    @Inject
    Relay relay;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking // relaying only queues to the sockets: no hand-over to a worker thread and back (issue 19)
    @Operation(summary = "Relay a message to the sockets of the given users (on this replica)")
    public Response push(@Valid @NotNull PushRequest push) {
        if (!push.payload().isObject()) {
            throw ApiException.badRequest("payload must be a JSON object");
        }
        Relay.DeliveryReport report = relay.deliver(EventMessages.push(push, Instant.now()), push.recipients());
        return Response.accepted(new PushAccepted(push.id(), report.recipients(), report.connections(),
                report.duplicates())).build();
    }
}
