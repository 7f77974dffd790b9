package dev.learnflow.gateway.rest;

import dev.learnflow.contracts.api.AlertActionRequest;
import dev.learnflow.gateway.domain.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Teacher routes: their class and the struggle alerts of their students. */
@Path("/api/v1/teacher")
@Tag(name = "teacher", description = "Class overview and struggle alerts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"teacher", "admin"})
@Blocking
public class TeacherResource {

    @Inject
    Forward forward;
    @Inject
    Caller caller;

    @GET
    @Path("/class")
    @Operation(summary = "The teacher's students with their mastery and streaks")
    public Response classOverview() {
        return forward.get(Routes.PROGRESS, "/internal/teachers/" + caller.id() + "/class");
    }

    @GET
    @Path("/alerts")
    @Operation(summary = "Struggle alerts of the teacher's students")
    public Response alerts(@QueryParam("status") @Pattern(regexp = "^(open|acknowledged|resolved|muted)$",
            message = "must be open, acknowledged, resolved or muted") String status) {
        String query = status == null ? "" : "?status=" + status;
        return forward.get(Routes.NOTIFICATION, "/internal/teachers/" + caller.id() + "/alerts" + query);
    }

    @POST
    @Path("/alerts/{alertId}/actions")
    @Operation(summary = "Acknowledge, resolve, mute or reopen an alert")
    public Response act(@PathParam("alertId") String alertId, @Valid @NotNull AlertActionRequest action) {
        return forward.post(Routes.NOTIFICATION,
                "/internal/teachers/" + caller.id() + "/alerts/" + Ids.uuid("alertId", alertId) + "/actions", action);
    }
}
