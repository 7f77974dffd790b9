package dev.learnflow.gateway.rest;

import dev.learnflow.gateway.service.MeshHealth;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Whether the whole system can serve: each backend's readiness, asked through the Dapr sidecars. */
@Path("/api/v1/health")
@Tag(name = "health")
@PermitAll
@Blocking
public class HealthResource {

    @Inject
    MeshHealth health;

    /** UP only when every backend is ready. */
    public record SystemHealth(String status, Map<String, String> services) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Readiness of every backend service, checked through the sidecars (200 when all are up)")
    public Response health() {
        Map<String, String> services = health.check();
        boolean allUp = services.values().stream().allMatch("UP"::equals);
        return Response.status(allUp ? 200 : 503).entity(new SystemHealth(allUp ? "UP" : "DOWN", services)).build();
    }
}
