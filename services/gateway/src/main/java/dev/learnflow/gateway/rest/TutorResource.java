package dev.learnflow.gateway.rest;

import dev.learnflow.contracts.api.AskQuestionRequest;
import dev.learnflow.contracts.api.DebugRequestBody;
import dev.learnflow.contracts.api.ReviewRequest;
import dev.learnflow.contracts.api.RunCodeRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tutor: questions, code review and debugging help are accepted with 202 and answered asynchronously (over
 * the WebSocket, and by GET /api/v1/queries/{id}); code runs answer directly.
 */
@Path("/api/v1")
@Tag(name = "tutor", description = "Ask, review, debug and run code")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"student", "teacher", "admin"})
public class TutorResource {

    @Inject
    Forward forward;

    @POST
    @Path("/questions")
    @Operation(summary = "Ask the tutor a question; 202 with a request id, the answer arrives over the WebSocket")
    public Uni<Response> ask(@Valid @NotNull AskQuestionRequest request) {
        return forward.post(Routes.TRIAGE, "/internal/questions", request);
    }

    @GET
    @Path("/queries/{requestId}")
    @Operation(summary = "The answer to an earlier question, review or debug request (pending until it arrives)")
    public Uni<Response> answer(@PathParam("requestId") String requestId) {
        return forward.get(Routes.TRIAGE, "/internal/queries/" + Ids.uuid("requestId", requestId));
    }

    @POST
    @Path("/reviews")
    @Operation(summary = "Submit code for review; 202 with a request id")
    public Uni<Response> review(@Valid @NotNull ReviewRequest request) {
        return forward.post(Routes.TRIAGE, "/internal/reviews", request);
    }

    @POST
    @Path("/debug")
    @Operation(summary = "Get debugging hints for code and its error; 202 with a request id")
    public Uni<Response> debug(@Valid @NotNull DebugRequestBody request) {
        return forward.post(Routes.TRIAGE, "/internal/debug", request);
    }

    @POST
    @Path("/runs")
    @Operation(summary = "Run Python code in the sandbox")
    public Uni<Response> run(@Valid @NotNull RunCodeRequest request) {
        return forward.postRunningCode(Routes.CODE_EXECUTION, "/internal/runs", request);
    }
}
