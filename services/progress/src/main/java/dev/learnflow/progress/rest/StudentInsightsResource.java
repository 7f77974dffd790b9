package dev.learnflow.progress.rest;

import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.progress.client.EventLog;
import dev.learnflow.progress.client.InsightRows;
import dev.learnflow.progress.service.ClassInsights;
import dev.learnflow.progress.service.InsightViews;
import dev.learnflow.progress.service.ProgressQueries;
import dev.learnflow.progress.service.ProgressViews;
import dev.learnflow.progress.service.StudentAccess;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A student's history (the gateway routes {@code /api/v1/students/{id}/...} here): the student, their teacher or
 * an admin, as for the other student routes.
 */
@Path("/internal/students/{studentId}/insights")
@Tag(name = "progress", description = "Mastery, streaks, activity and xAPI export of one student")
@Produces(MediaType.APPLICATION_JSON)
public class StudentInsightsResource {

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String SLUG_MESSAGE = "must be a lower-case slug such as for-loops";
    static final String VERB = "^(asked|ran|submitted|attempted|passed|failed|answered|reviewed|requested_hint|viewed"
            + "|completed)$";

    @Inject
    ClassInsights insights;
    @Inject
    ProgressQueries queries;
    @Inject
    StudentAccess access;

    /** The timeline's filters on top of the export's paging parameters. */
    public static class TimelineQuery extends StatementPaging.Query {
        @QueryParam("verb")
        @Pattern(regexp = VERB, message = "must be an xAPI verb LearnFlow records, such as failed")
        String verb;
        @QueryParam("topicId")
        @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
        @jakarta.validation.constraints.Size(max = 100)
        String topicId;
    }

    @GET
    @Path("/timeline")
    @Operation(summary = "The student's xAPI statements, newest first (paged), filtered by verb and/or topic")
    public ProgressViews.StatementsPage timeline(
            @PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String studentId,
            @Valid @BeanParam TimelineQuery query) {
        UUID id = access.requireReader(UUID.fromString(studentId));
        EventLog.Page page = StatementPaging.page(query.since, query.until, query.cursor, query.limit);
        var rows = insights.timeline(id, new InsightRows.TimelineFilter(query.verb, query.topicId, page));
        ProgressViews.StatementsPage answer = StatementPaging.answer(rows, page, query.since, query.until);
        if (answer.more().isEmpty()) {
            return answer;
        }
        // The next page keeps the filters.
        StringBuilder more = new StringBuilder(answer.more());
        if (query.verb != null) {
            more.append("&verb=").append(URLEncoder.encode(query.verb, StandardCharsets.UTF_8));
        }
        if (query.topicId != null) {
            more.append("&topicId=").append(URLEncoder.encode(query.topicId, StandardCharsets.UTF_8));
        }
        return new ProgressViews.StatementsPage(answer.statements(), more.toString());
    }

    @GET
    @Path("/topics/{topicId}")
    @Operation(summary = "The student's mastery, latest attempts and errors on one topic")
    public InsightViews.TopicAttempts topic(
            @PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String studentId,
            @PathParam("topicId") @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String topicId) {
        return insights.topicAttempts(access.requireReader(UUID.fromString(studentId)), topicId);
    }

    @GET
    @Path("/mastery-history")
    @Operation(summary = "A module's mastery over time, one point per event on its topics")
    public InsightViews.MasteryHistory masteryHistory(
            @PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String studentId,
            @QueryParam("moduleId") @NotNull(message = "is required") @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String moduleId) {
        return insights.masteryHistory(access.requireReader(UUID.fromString(studentId)), moduleId);
    }

    @GET
    @Path("/calendar")
    @Operation(summary = "Days with activity that counts for the streak, the last weeks (default 12) in the"
            + " student's time zone, with the streak")
    public InsightViews.StreakCalendar calendar(
            @PathParam("studentId") @Pattern(regexp = Ids.UUID, message = Ids.UUID_MESSAGE) String studentId,
            @QueryParam("weeks") @Pattern(regexp = Ids.NUMBER, message = Ids.NUMBER_MESSAGE) @Min(1) @Max(53)
            String weeks) {
        UserFacts student = access.readableStudent(UUID.fromString(studentId));
        return insights.calendar(student, weeks == null ? 12 : Integer.parseInt(weeks), queries.streak(student.id()));
    }
}
