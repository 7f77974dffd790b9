package dev.learnflow.triage.rest;

import dev.learnflow.contracts.api.AskQuestionRequest;
import dev.learnflow.contracts.api.DebugRequestBody;
import dev.learnflow.contracts.api.Problem;
import dev.learnflow.contracts.api.QueryAccepted;
import dev.learnflow.contracts.api.QueryAnswer;
import dev.learnflow.contracts.api.ReviewRequest;
import dev.learnflow.platform.auth.CallerIdentity;
import dev.learnflow.triage.service.QueryIntake;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Internal API behind the gateway's {@code /api/v1/questions}, {@code /reviews}, {@code /debug} and
 * {@code /queries/{id}} (reached through the sidecar only; the student comes from the gateway's identity headers).
 */
@Path("/internal")
@Tag(name = "queries", description = "Questions to the tutor and their answers")
@Produces(MediaType.APPLICATION_JSON)
public class QueryResource {

    private final QueryIntake intake;
    private final CallerIdentity caller;

    public QueryResource(QueryIntake intake, CallerIdentity caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @Path("/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the tutor a question", description = "Classified and answered asynchronously; the "
            + "answer arrives on learning.responses (WebSocket) and at GET /internal/queries/{requestId}.")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(schema = @Schema(implementation = QueryAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The conversation belongs to another student",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ask(@Valid @NotNull AskQuestionRequest body) {
        return Response.accepted(intake.askQuestion(caller.requireUser(), body)).build();
    }

    @POST
    @Path("/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a code review", description = "Forwarded to code-review on code.submissions.")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(schema = @Schema(implementation = QueryAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response review(@Valid @NotNull ReviewRequest body) {
        return Response.accepted(intake.requestReview(caller.requireUser(), body)).build();
    }

    @POST
    @Path("/debug")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for help with failing code", description = "Forwarded to debug on debug.requests.")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(schema = @Schema(implementation = QueryAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response debug(@Valid @NotNull DebugRequestBody body) {
        return Response.accepted(intake.requestDebugging(caller.requireUser(), body)).build();
    }

    @GET
    @Path("/queries/{requestId}")
    @Operation(summary = "The state, and once there the answer, of a request (its owner only)")
    @APIResponse(responseCode = "200", description = "Pending, answered or failed",
            content = @Content(schema = @Schema(implementation = QueryAnswer.class)))
    @APIResponse(responseCode = "404", description = "No such request of this student",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueryAnswer query(@PathParam("requestId") UUID requestId) {
        return intake.answerFor(caller.requireUser(), requestId);
    }
}
