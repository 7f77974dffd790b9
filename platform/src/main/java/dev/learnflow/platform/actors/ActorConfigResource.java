package dev.learnflow.platform.actors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/**
 * {@code GET /dapr/config}, read by the sidecar at startup for the actor types this app hosts and their settings.
 * Its own root path, so that it does not compete with {@code SubscriptionResource} (root {@code /dapr}): JAX-RS
 * picks the root resource with the longest literal path first.
 */
@Path("/dapr/config")
@Tag(name = "dapr", description = "Called by the Dapr sidecar only")
public class ActorConfigResource {

    private final ActorHost host;

    @Inject
    public ActorConfigResource(ActorHost host) {
        this.host = host;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Actor types and settings of this app (read by the sidecar)")
    public Response config() throws IOException {
        return Response.ok(host.configJson(), MediaType.APPLICATION_JSON).build();
    }
}
