package dev.learnflow.notification.rest;

import dev.learnflow.contracts.api.AlertActionRequest;
import dev.learnflow.contracts.domain.Alert;
import dev.learnflow.contracts.domain.AlertStatus;
import dev.learnflow.notification.service.AlertService;
import dev.learnflow.platform.auth.CallerIdentity;
import dev.learnflow.platform.auth.Roles;
import dev.learnflow.platform.errors.ApiException;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A teacher's alerts, behind the gateway's {@code /api/v1/teacher/alerts}. The teacher in the path must be the
 * caller (admins may look at any teacher's alerts); an alert of another teacher is reported as not found.
 */
@Path("/internal/teachers/{teacherId}/alerts")
@Tag(name = "alerts", description = "Struggle alerts of a teacher's students")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TeacherAlertsResource {

    @Inject
    AlertService alerts;
    @Inject
    CallerIdentity caller;

    @GET
    @Operation(summary = "Alerts of the teacher's students, newest first, optionally by status")
    public List<Alert> list(@PathParam("teacherId") String teacherId, @QueryParam("status") String status,
                            @QueryParam("limit") Integer limit) {
        UUID teacher = authorize(teacherId);
        Optional<AlertStatus> wanted;
        try {
            wanted = status == null || status.isBlank() ? Optional.empty() : Optional.of(AlertStatus.fromString(status));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status: " + e.getMessage());
        }
        return alerts.list(teacher, wanted, Optional.ofNullable(limit));
    }

    @POST
    @Path("/{alertId}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge, resolve, mute or reopen an alert; returns the alert as it is now")
    public Alert act(@PathParam("teacherId") String teacherId, @PathParam("alertId") String alertId,
                     @Valid @NotNull AlertActionRequest request) {
        UUID teacher = authorize(teacherId);
        return alerts.act(teacher, uuid("alertId", alertId), request, caller.requireUser());
    }

    private UUID authorize(String teacherIdText) {
        UUID user = caller.requireUser();
        boolean admin = caller.hasRole(Roles.ADMIN);
        if (!admin && !caller.hasRole(Roles.TEACHER)) {
            throw ApiException.forbidden("Alerts are for teachers");
        }
        UUID teacher = uuid("teacherId", teacherIdText);
        if (!admin && !teacher.equals(user)) {
            throw ApiException.forbidden("Teachers see only their own alerts");
        }
        return teacher;
    }

    private static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be a UUID");
        }
    }
}
