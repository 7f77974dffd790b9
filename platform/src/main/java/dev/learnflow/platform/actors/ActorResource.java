package dev.learnflow.platform.actors;

import io.dapr.actors.runtime.ActorRuntime;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The actor callbacks the Dapr sidecar makes on the app, delegated to the Dapr SDK's {@link ActorRuntime}: method
 * calls, timer and reminder firings, and deactivation. The sidecar guarantees one call at a time per actor; the
 * actor code runs on a worker thread (it may block). Errors answer 500 with the message as text, which the sidecar
 * relays to the caller as an actor invocation error.
 */
@Path("/actors")
@Tag(name = "dapr", description = "Called by the Dapr sidecar only")
public class ActorResource {

    private static final Logger LOG = Logger.getLogger(ActorResource.class);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    private final ActorHost host;

    @Inject
    public ActorResource(ActorHost host) {
        this.host = host;
    }

    @PUT
    @Path("/{type}/{id}/method/{method}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Invoke an actor method (called by the sidecar)")
    public Response invoke(@PathParam("type") String type, @PathParam("id") String id,
                           @PathParam("method") String method, byte[] body) {
        return run(type, id, "method " + method, rt -> rt.invoke(type, id, method, body).map(out -> out));
    }

    @PUT
    @Path("/{type}/{id}/method/{kind: timer|remind}/{name}")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @Operation(summary = "Fire an actor timer or reminder (called by the sidecar)")
    public Response fire(@PathParam("type") String type, @PathParam("id") String id,
                         @PathParam("kind") String kind, @PathParam("name") String name, byte[] body) {
        boolean timer = kind.equals("timer");
        return run(type, id, (timer ? "timer " : "reminder ") + name, rt -> (timer
                ? rt.invokeTimer(type, id, name, body)
                : rt.invokeReminder(type, id, name, body)).then(Mono.empty()));
    }

    @DELETE
    @Path("/{type}/{id}")
    @Blocking
    @Operation(summary = "Deactivate an actor (called by the sidecar)")
    public Response deactivate(@PathParam("type") String type, @PathParam("id") String id) {
        return run(type, id, "deactivation", rt -> rt.deactivate(type, id).then(Mono.empty()));
    }

    private Response run(String type, String id, String what, Function<ActorRuntime, Mono<byte[]>> call) {
        Optional<ActorRuntime> rt = host.runtime();
        if (rt.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("this app hosts no actors").build();
        }
        try {
            byte[] out = call.apply(rt.get()).block(CALL_TIMEOUT);
            return out == null ? Response.ok().build() : Response.ok(out, MediaType.APPLICATION_JSON).build();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.debugf(e, "Actor %s/%s %s failed", type, id, what);
            String message = root.getClass().getSimpleName() + ": " + root.getMessage();
            return Response.status(500).type(MediaType.TEXT_PLAIN).entity(message).build();
        }
    }
}
