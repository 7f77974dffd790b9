package dev.learnflow.progress.rest;

import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.progress.client.EventLog;
import dev.learnflow.progress.client.InsightRows;
import dev.learnflow.progress.service.ClassInsights;
import dev.learnflow.progress.service.CsvExport;
import dev.learnflow.progress.service.InsightViews;
import dev.learnflow.progress.service.StudentAccess;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A teacher's class at a glance (the gateway routes {@code /api/v1/teacher/...} here with the teacher's own id):
 * the teacher themself or an admin, never another teacher.
 */
@Path("/internal/teachers/{teacherId}/insights")
@Tag(name = "teacher", description = "A teacher's class: mastery, streaks, struggles, xAPI export")
@Produces(MediaType.APPLICATION_JSON)
public class ClassInsightsResource {

    static final String CSV = "text/csv";
    private static final int CSV_DEFAULT_LIMIT = 10_000;

    @Inject
    ClassInsights insights;
    @Inject
    StudentAccess access;

    @GET
    @Path("/heatmap")
    @Operation(summary = "Students × topics mastery (P(L)) of the class, in course order")
    public InsightViews.Heatmap heatmap(
            @PathParam("teacherId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String teacherId) {
        return insights.heatmap(owner(teacherId));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "The topics with the lowest mean mastery and the most frequent error types of the last"
            + " days (default 7), with counts and the trend against the days before")
    public InsightViews.ClassSummary summary(
            @PathParam("teacherId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String teacherId,
            @QueryParam("days") @Pattern(regexp = Ids.NUMBER, message = Ids.NUMBER_MESSAGE) @Min(1) @Max(90) String days) {
        return insights.summary(owner(teacherId), days == null ? 7 : Integer.parseInt(days));
    }

    @GET
    @Path("/inactivity")
    @Operation(summary = "Students without activity for the last days (default 7) and broken streaks")
    public InsightViews.Inactivity inactivity(
            @PathParam("teacherId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String teacherId,
            @QueryParam("days") @Pattern(regexp = Ids.NUMBER, message = Ids.NUMBER_MESSAGE) @Min(1) @Max(365)
            String days) {
        return insights.inactivity(owner(teacherId), days == null ? 7 : Integer.parseInt(days));
    }

    @GET
    @Path("/statements.csv")
    @Produces({CSV, "application/problem+json"})
    @Operation(summary = "The class's activity as CSV, newest first (one row per xAPI statement)")
    public Response csv(
            @PathParam("teacherId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String teacherId,
            @QueryParam("since") @Size(max = 40) String since, @QueryParam("until") @Size(max = 40) String until,
            @QueryParam("limit") @Pattern(regexp = Ids.NUMBER, message = Ids.NUMBER_MESSAGE) @Min(1) @Max(50_000)
            String limit) {
        UUID id = owner(teacherId);
        EventLog.Page page = StatementPaging.page(since, until, null,
                limit == null ? CSV_DEFAULT_LIMIT : Integer.parseInt(limit));
        List<UserFacts> students = insights.classOf(id);
        Map<UUID, String> names = students.stream()
                .collect(Collectors.toMap(UserFacts::id, UserFacts::displayName, (a, b) -> a));
        List<InsightRows.EventRow> rows = students.isEmpty() ? List.of()
                : insights.classEvents(List.copyOf(names.keySet()), page);
        return Response.ok(CsvExport.write(rows, names), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"class-activity.csv\"").build();
    }

    private UUID owner(String teacherId) {
        return access.requireClassOwner(UUID.fromString(teacherId)).id();
    }
}
