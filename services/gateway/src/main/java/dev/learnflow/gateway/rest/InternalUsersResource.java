package dev.learnflow.gateway.rest;

import dev.learnflow.contracts.api.ClassRoster;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.gateway.config.GatewayConfig;
import dev.learnflow.gateway.service.UserDirectory;
import dev.learnflow.platform.errors.ApiException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;

/**
 * Accounts for the services that need user facts (progress, notification), through their sidecar and ours.
 * Not part of the public API (hidden from its OpenAPI document, never routed from /api): platform's
 * SidecarTrustFilter admits only calls carrying our sidecar's app token, Dapr access control on our sidecar admits
 * only the readers, and this checks the caller app the sidecar names against the same list.
 */
@Path("/internal/users")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Blocking
public class InternalUsersResource {

    static final String CALLER_APP_HEADER = "dapr-caller-app-id";

    private final UserDirectory users;
    private final Set<String> readers;

    public InternalUsersResource(UserDirectory users, GatewayConfig config) {
        this.users = users;
        this.readers = Set.copyOf(config.users().readers());
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public UserFacts user(@PathParam("id") String id, @HeaderParam(CALLER_APP_HEADER) String callerApp) {
        requireReader(callerApp);
        return users.user(Ids.uuid("id", id));
    }

    @GET
    @Path("/{teacherId}/students")
    @Operation(hidden = true)
    public ClassRoster students(@PathParam("teacherId") String teacherId,
                                @HeaderParam(CALLER_APP_HEADER) String callerApp) {
        requireReader(callerApp);
        return users.classOf(Ids.uuid("teacherId", teacherId));
    }

    private void requireReader(String callerApp) {
        if (callerApp == null || !readers.contains(callerApp)) {
            throw ApiException.forbidden("Accounts are served to " + readers + " only");
        }
    }
}
