package dev.learnflow.gateway.rest;

import dev.learnflow.gateway.domain.Caller;
import dev.learnflow.gateway.service.AccessPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A student's progress: only the student, their teacher and admins get through (checked on every route). */
@Path("/api/v1/students/{studentId}")
@Tag(name = "progress", description = "Mastery, streaks and activity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"student", "teacher", "admin"})
public class StudentsResource {

    @Inject
    Forward forward;
    @Inject
    Caller caller;
    @Inject
    AccessPolicy access;

    @GET
    @Path("/progress")
    @Operation(summary = "Mastery per module and topic")
    public Uni<Response> progress(@PathParam("studentId") String studentId) {
        return toProgress(studentId, "progress");
    }

    @GET
    @Path("/streak")
    @Operation(summary = "Current and longest streak of active days")
    public Uni<Response> streak(@PathParam("studentId") String studentId) {
        return toProgress(studentId, "streak");
    }

    @GET
    @Path("/activity")
    @Operation(summary = "Recent learning activity")
    public Uni<Response> activity(@PathParam("studentId") String studentId, @QueryParam("limit") String limit) {
        return toProgress(studentId, "activity" + query("limit", limit));
    }

    @GET
    @Path("/statements")
    @Operation(summary = "The student's activity as xAPI statements")
    public Uni<Response> statements(@PathParam("studentId") String studentId, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return toProgress(studentId, "statements" + query("since", since, "until", until, "cursor", cursor,
                "limit", limit));
    }

    @GET
    @Path("/timeline")
    @Operation(summary = "The student's xAPI statements, filtered by verb and/or topic (paged)")
    public Uni<Response> timeline(@PathParam("studentId") String studentId, @QueryParam("verb") String verb,
            @QueryParam("topicId") String topicId, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return toProgress(studentId, "insights/timeline" + query("verb", verb, "topicId", topicId, "since", since,
                "until", until, "cursor", cursor, "limit", limit));
    }

    @GET
    @Path("/topics/{topicId}")
    @Operation(summary = "The student's mastery, latest attempts and errors on one topic")
    public Uni<Response> topic(@PathParam("studentId") String studentId, @PathParam("topicId") String topicId) {
        return toProgress(studentId, "insights/topics/" + Ids.slug("topicId", topicId));
    }

    @GET
    @Path("/mastery-history")
    @Operation(summary = "A module's mastery over time")
    public Uni<Response> masteryHistory(@PathParam("studentId") String studentId, @QueryParam("moduleId") String moduleId) {
        return toProgress(studentId, "insights/mastery-history" + query("moduleId", moduleId));
    }

    @GET
    @Path("/calendar")
    @Operation(summary = "Days with activity of the last weeks, in the student's time zone, and the streak")
    public Uni<Response> calendar(@PathParam("studentId") String studentId, @QueryParam("weeks") String weeks) {
        return toProgress(studentId, "insights/calendar" + query("weeks", weeks));
    }

    /** Passes the paging parameters on as given (progress validates them and answers 400 itself). */
    static String query(String... namesAndValues) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null) {
                q.append(q.isEmpty() ? '?' : '&').append(namesAndValues[i]).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    private Uni<Response> toProgress(String studentIdText, String what) {
        UUID studentId = Ids.uuid("studentId", studentIdText);
        String path = "/internal/students/" + studentId + "/" + what;
        if (access.allowsAtOnce(caller, studentId)) {
            // A student's own data (most calls): no operator chain, whose every step captures and restores the
            // request's context (issue 19's gateway profile).
            return forward.get(Routes.PROGRESS, path);
        }
        return access.requireAccessToStudent(caller, studentId).chain(() -> forward.get(Routes.PROGRESS, path));
    }
}
