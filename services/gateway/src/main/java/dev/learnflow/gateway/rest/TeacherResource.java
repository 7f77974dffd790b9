package dev.learnflow.gateway.rest;

import dev.learnflow.contracts.api.AlertActionRequest;
import dev.learnflow.gateway.domain.Caller;
import io.smallrye.mutiny.Uni;
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
public class TeacherResource {

    @Inject
    Forward forward;
    @Inject
    Caller caller;

    @GET
    @Path("/class")
    @Operation(summary = "The teacher's students with their mastery and streaks")
    public Uni<Response> classOverview() {
        return forward.get(Routes.PROGRESS, "/internal/teachers/" + caller.id() + "/class");
    }

    @GET
    @Path("/heatmap")
    @Operation(summary = "Students × topics mastery of the teacher's class")
    public Uni<Response> heatmap() {
        return forward.get(Routes.PROGRESS, insights("heatmap"));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "The class's weakest topics and most frequent error types of the last days, with trend")
    public Uni<Response> summary(@QueryParam("days") String days) {
        return forward.get(Routes.PROGRESS, insights("summary") + StudentsResource.query("days", days));
    }

    @GET
    @Path("/inactivity")
    @Operation(summary = "Students without activity for the last days, and broken streaks")
    public Uni<Response> inactivity(@QueryParam("days") String days) {
        return forward.get(Routes.PROGRESS, insights("inactivity") + StudentsResource.query("days", days));
    }

    @GET
    @Path("/statements")
    @Operation(summary = "The class's activity as xAPI statements, newest first (paged: 'more' is the next page)")
    public Uni<Response> statements(@QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return forward.get(Routes.PROGRESS, "/internal/teachers/" + caller.id() + "/statements"
                + StudentsResource.query("since", since, "until", until, "cursor", cursor, "limit", limit));
    }

    @GET
    @Path("/statements.csv")
    @Produces({"text/csv", "application/problem+json"})
    @Operation(summary = "The class's activity as CSV, newest first (at most 'limit' rows, default 10 000)")
    public Uni<Response> statementsCsv(@QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("limit") String limit) {
        return forward.get(Routes.PROGRESS, insights("statements.csv")
                        + StudentsResource.query("since", since, "until", until, "limit", limit))
                .map(csv -> csv.getStatus() != 200 ? csv : Response.fromResponse(csv)
                        .header("Content-Disposition", "attachment; filename=\"learnflow-class-activity.csv\"")
                        .build());
    }

    /** The teacher's own class: the id comes from the token, so no other class can be asked for. */
    private String insights(String what) {
        return "/internal/teachers/" + caller.id() + "/insights/" + what;
    }

    @GET
    @Path("/alerts")
    @Operation(summary = "Struggle alerts of the teacher's students")
    public Uni<Response> alerts(@QueryParam("status") @Pattern(regexp = "^(open|acknowledged|resolved|muted)$",
            message = "must be open, acknowledged, resolved or muted") String status) {
        String query = status == null ? "" : "?status=" + status;
        return forward.get(Routes.NOTIFICATION, "/internal/teachers/" + caller.id() + "/alerts" + query);
    }

    @POST
    @Path("/alerts/{alertId}/actions")
    @Operation(summary = "Acknowledge, resolve, mute or reopen an alert")
    public Uni<Response> act(@PathParam("alertId") String alertId, @Valid @NotNull AlertActionRequest action) {
        return forward.post(Routes.NOTIFICATION,
                "/internal/teachers/" + caller.id() + "/alerts/" + Ids.uuid("alertId", alertId) + "/actions", action);
    }
}
