package dev.learnflow.progress.rest;

import dev.learnflow.progress.service.ProgressQueries;
import dev.learnflow.progress.service.ProgressViews;
import dev.learnflow.progress.service.StudentAccess;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A teacher's class (the gateway routes {@code /api/v1/teacher/class} here with the teacher's own id). */
@Path("/internal/teachers/{teacherId}")
@Tag(name = "teacher", description = "A teacher's class: mastery, streaks, struggles, xAPI export")
@Produces(MediaType.APPLICATION_JSON)
public class TeacherClassResource {

    @Inject
    ProgressQueries queries;
    @Inject
    StudentAccess access;

    @GET
    @Path("/class")
    @Operation(summary = "The teacher's students with mastery summary, struggles and streak")
    public ProgressViews.ClassView classOverview(
            @PathParam("teacherId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String teacherId) {
        return queries.classOverview(access.requireClassOwner(UUID.fromString(teacherId)).id());
    }

    @GET
    @Path("/statements")
    @Operation(summary = "The class's activity as xAPI statements, newest first (paged)")
    public ProgressViews.StatementsPage statements(
            @PathParam("teacherId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String teacherId,
            @Valid @BeanParam StatementPaging.Query query) {
        UUID id = access.requireClassOwner(UUID.fromString(teacherId)).id();
        return StatementPaging.export(query, page -> queries.classStatements(id, page));
    }
}
