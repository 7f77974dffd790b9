package dev.learnflow.progress.rest;

import dev.learnflow.contracts.api.ProgressView;
import dev.learnflow.contracts.api.StreakView;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.progress.service.ProgressQueries;
import dev.learnflow.progress.service.ProgressViews;
import dev.learnflow.progress.service.StudentAccess;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A student's progress, read from their StudentActor (the gateway routes {@code /api/v1/students/{id}/...} here;
 * triage and exercise read {@code /context}). Every route checks the caller: the student, their teacher, an admin.
 */
@Path("/internal/students/{studentId}")
@Tag(name = "progress", description = "Mastery, streaks, activity and xAPI export of one student")
@Produces(MediaType.APPLICATION_JSON)
public class StudentProgressResource {

    static final String CALLER_APP_HEADER = "dapr-caller-app-id";

    @Inject
    ProgressQueries queries;
    @Inject
    StudentAccess access;

    @GET
    @Path("/progress")
    @Operation(summary = "Mastery per module and topic (BKT), overall mastery and streak")
    public ProgressView progress(@PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE)
                                 String studentId) {
        return queries.progress(access.requireReader(UUID.fromString(studentId)));
    }

    @GET
    @Path("/streak")
    @Operation(summary = "Current and longest streak of active days in the student's time zone")
    public StreakView streak(@PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE)
                             String studentId) {
        return queries.streak(access.requireReader(UUID.fromString(studentId)));
    }

    @GET
    @Path("/activity")
    @Operation(summary = "Recent activity, newest first")
    public ProgressViews.ActivityView activity(
            @PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String studentId,
            @QueryParam("limit") @Min(1) @Max(100) Integer limit) {
        return queries.activity(access.requireReader(UUID.fromString(studentId)), limit == null ? 20 : limit);
    }

    @GET
    @Path("/statements")
    @Operation(summary = "The student's activity as xAPI statements, newest first (paged)")
    public ProgressViews.StatementsPage statements(
            @PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String studentId,
            @Valid @BeanParam StatementPaging.Query query) {
        UUID id = access.requireReader(UUID.fromString(studentId));
        return StatementPaging.export(query, page -> queries.statements(id, page));
    }

    @GET
    @Path("/context")
    @Operation(summary = "Where the student is, topic mastery and recent error types (for triage and exercise)")
    public StudentContext context(
            @PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String studentId,
            @HeaderParam(CALLER_APP_HEADER) String callerApp) {
        return queries.context(access.requireContextReader(UUID.fromString(studentId), callerApp));
    }

    @GET
    @Path("/errors")
    @Operation(summary = "Python error types the student hit, with counts and times (for debug and triage)")
    public ProgressViews.ErrorHistoryView errors(
            @PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String studentId,
            @HeaderParam(CALLER_APP_HEADER) String callerApp) {
        return queries.errors(access.requireContextReader(UUID.fromString(studentId), callerApp));
    }
}
