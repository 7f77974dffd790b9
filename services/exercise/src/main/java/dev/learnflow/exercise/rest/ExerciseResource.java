package dev.learnflow.exercise.rest;

import dev.learnflow.contracts.api.ExerciseHintRequest;
import dev.learnflow.contracts.api.ExerciseRequest;
import dev.learnflow.contracts.api.ExerciseSubmission;
import dev.learnflow.contracts.api.GradeResult;
import dev.learnflow.contracts.api.Problem;
import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.contracts.domain.Exercise;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import dev.learnflow.exercise.service.ChallengeGenerator;
import dev.learnflow.exercise.service.ExerciseCatalog;
import dev.learnflow.exercise.service.Grader;
import dev.learnflow.exercise.service.SubmissionFeedback;
import dev.learnflow.platform.auth.CallerIdentity;
import dev.learnflow.platform.auth.Roles;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Internal exercise API, reached through the gateway's routes (see services/gateway/README.md). */
@Path("/internal/exercises")
@Tag(name = "exercises", description = "Exercises: listing, generation, auto-grading")
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseResource {

    @Inject
    ExerciseCatalog catalog;
    @Inject
    ChallengeGenerator generator;
    @Inject
    Grader grader;
    @Inject
    SubmissionFeedback feedback;
    @Inject
    CallerIdentity caller;

    @GET
    @Operation(summary = "Exercises of a topic (shared ones and those generated for the caller)")
    @APIResponse(responseCode = "200", description = "Exercises with their shown tests only")
    @APIResponse(responseCode = "404", description = "Unknown topic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Exercise> list(@QueryParam("topicId") @Size(max = Limits.SLUG_MAX) @Pattern(regexp = Patterns.SLUG)
                               String topicId) {
        return catalog.list(Optional.ofNullable(topicId), caller.requireUser());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate an exercise for the caller",
            description = "Pitched at the caller's mastery of the topic unless a difficulty is given.")
    @APIResponse(responseCode = "201", description = "The new exercise (shown tests only)")
    @APIResponse(responseCode = "404", description = "Unknown topic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response generate(@Valid @NotNull ExerciseRequest request) {
        Exercise exercise = generator.generate(caller.requireUser(), request.topicId(), request.difficulty());
        return Response.status(Response.Status.CREATED).entity(exercise).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One exercise (shown tests only)")
    @APIResponse(responseCode = "200", description = "The exercise")
    @APIResponse(responseCode = "404", description = "No such exercise for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Exercise get(@PathParam("id") UUID id) {
        return catalog.require(id, caller.requireUser(), staff()).studentView();
    }

    @POST
    @Path("/{id}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a solution for auto-grading",
            description = "Runs every test (hidden ones included) in the sandbox. Hidden tests report only pass/fail; "
                    + "hidden_unless_failing tests are revealed when they fail.")
    @APIResponse(responseCode = "200", description = "Grading result of this attempt; a failed one carries the "
            + "level-1 hint (feedback) when the tutor answered in time")
    @APIResponse(responseCode = "409", description = "No attempts left",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sandbox could not grade now; no attempt was used",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GradeResult submit(@PathParam("id") UUID id, @Valid @NotNull ExerciseSubmission submission) {
        return grader.grade(id, caller.requireUser(), staff(), submission.code());
    }

    @POST
    @Path("/{id}/hints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "More hints on a graded, failed submission",
            description = "The same code as a recent failed attempt and the level wanted: hints 1..level on its first "
                    + "failing shown test (a category-only note for hidden ones) and the diagnosis to step through. "
                    + "Uses no attempt.")
    @APIResponse(responseCode = "200", description = "Hints up to the level, hidden-test notes, diagnosis")
    @APIResponse(responseCode = "409", description = "This code was not graded (or it passed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The tutor could not look at the code now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProgramFeedback hints(@PathParam("id") UUID id, @Valid @NotNull ExerciseHintRequest request) {
        return feedback.moreHints(id, caller.requireUser(), staff(), request.code(), request.hintLevel());
    }

    private boolean staff() {
        return caller.hasRole(Roles.TEACHER) || caller.hasRole(Roles.ADMIN);
    }
}
