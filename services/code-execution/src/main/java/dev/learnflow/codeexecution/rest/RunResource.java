package dev.learnflow.codeexecution.rest;

import dev.learnflow.codeexecution.service.ExecutionService;
import dev.learnflow.codeexecution.service.RunContext;
import dev.learnflow.contracts.api.Problem;
import dev.learnflow.contracts.api.RunCodeRequest;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.api.RunTestsRequest;
import dev.learnflow.contracts.api.RunTestsResponse;
import dev.learnflow.platform.auth.CallerIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/**
 * Internal API, reached through the Dapr sidecar only (access control lets the gateway, concepts, code-review,
 * debug and exercise POST here). The student, if any, comes from the gateway's identity headers.
 */
@Path("/internal/runs")
@Tag(name = "runs", description = "Sandboxed Python execution")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
// Both operations answer these two the same way.
@APIResponse(responseCode = "429", description = "Every sandbox is busy; retry after Retry-After seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Sandbox unavailable (self-test failed); nothing was run",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RunResource {

    /** Set by the calling app's Dapr sidecar on service invocation. */
    static final String CALLER_APP_HEADER = "dapr-caller-app-id";

    @Inject
    ExecutionService service;
    @Inject
    CallerIdentity caller;

    @POST
    @Operation(summary = "Run Python code in the sandbox",
            description = "Runs the program once with the given stdin under a wall-clock limit (default 5 s, never "
                    + "more). The student's errors and limits are statuses in a 200 response.")
    @APIResponse(responseCode = "200", description = "The run's result")
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunCodeResponse run(@Valid @NotNull RunCodeRequest request,
                               @HeaderParam(CALLER_APP_HEADER) String callerApp) {
        return service.run(request, context(callerApp));
    }

    @POST
    @Path("/tests")
    @Operation(summary = "Run code against test cases (auto-grading)",
            description = "One sandbox start; each case runs in a fresh process. io cases feed stdin and compare "
                    + "stdout (trailing whitespace ignored); call cases evaluate an expression against the code "
                    + "loaded as module 'solution' and compare with a Python literal, Python == semantics, on the "
                    + "host. Results are unmasked, in request order.")
    @APIResponse(responseCode = "200", description = "One result per test")
    @APIResponse(responseCode = "400", description = "Invalid request (including an expected value that is not a "
            + "Python literal)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunTestsResponse tests(@Valid @NotNull RunTestsRequest request,
                                  @HeaderParam(CALLER_APP_HEADER) String callerApp) {
        return service.runTests(request, context(callerApp));
    }

    private RunContext context(String callerApp) {
        return new RunContext(caller.userId(),
                Optional.ofNullable(callerApp).map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 100));
    }
}
