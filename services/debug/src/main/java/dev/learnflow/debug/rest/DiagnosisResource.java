package dev.learnflow.debug.rest;

import dev.learnflow.contracts.api.DiagnosisRequest;
import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.contracts.api.Problem;
import dev.learnflow.debug.service.TestCaseFeedback;
import dev.learnflow.platform.clients.CodeExecutionClient;
import dev.learnflow.platform.errors.ApiException;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service to service (exercise → debug, through the sidecars; Dapr access control lets only exercise call it):
 * the hints and diagnosis of a program against test cases, for the feedback on a graded submission.
 */
@Path("/internal/diagnoses")
@Tag(name = "diagnoses", description = "Internal: hints on a program checked against test cases")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DiagnosisResource {

    private final TestCaseFeedback feedback;

    public DiagnosisResource(TestCaseFeedback feedback) {
        this.feedback = feedback;
    }

    @POST
    @Operation(summary = "Diagnose a program against test cases and give hints up to a level",
            description = "Runs the program's cases under the diagnosis harness in the sandbox. Hidden tests are "
                    + "used but only their category is named; hints are words, never a corrected program.")
    @APIResponse(responseCode = "200", description = "Hints 1..hintLevel, hidden-test notes and the diagnosis")
    @APIResponse(responseCode = "422", description = "The program and its tests could not be diagnosed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sandbox is busy or unreachable; try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProgramFeedback diagnose(@Valid @NotNull DiagnosisRequest request) {
        try {
            return feedback.feedback(request.code(), request.tests(), request.hintLevelOrDefault())
                    .orElseThrow(() -> new ApiException(422, "not-diagnosable", "Program not diagnosable",
                            "The program and its tests are too large to diagnose, or the diagnosis gave no answer"));
        } catch (CodeExecutionClient.Unavailable e) {
            throw new ApiException(503, "sandbox-unavailable", "Sandbox unavailable",
                    "The program could not be run for a diagnosis right now; try again in a moment");
        }
    }
}
