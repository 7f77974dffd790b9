package dev.learnflow.exercise.rest;

import dev.learnflow.contracts.api.Problem;
import dev.learnflow.contracts.api.QuizAnswerRequest;
import dev.learnflow.contracts.api.QuizResult;
import dev.learnflow.contracts.domain.Quiz;
import dev.learnflow.contracts.validation.Limits;
import dev.learnflow.contracts.validation.Patterns;
import dev.learnflow.exercise.service.QuizService;
import dev.learnflow.platform.auth.CallerIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Internal quiz API: listing without answers, answering with immediate feedback. */
@Path("/internal/quizzes")
@Tag(name = "quizzes", description = "Multiple-choice quizzes")
@Produces(MediaType.APPLICATION_JSON)
public class QuizResource {

    @Inject
    QuizService quizzes;
    @Inject
    CallerIdentity caller;

    @GET
    @Operation(summary = "Quizzes of a topic, without their answers")
    @APIResponse(responseCode = "200", description = "The topic's quizzes in teaching order")
    @APIResponse(responseCode = "404", description = "Unknown topic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Quiz> list(@QueryParam("topicId") @NotBlank @Size(max = Limits.SLUG_MAX)
                           @Pattern(regexp = Patterns.SLUG) String topicId) {
        caller.requireUser();
        return quizzes.forTopic(topicId);
    }

    @POST
    @Path("/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a quiz", description = "Returns whether it was right, the correct option and the "
            + "explanation, and records the answer for the student's mastery.")
    @APIResponse(responseCode = "200", description = "The graded answer")
    @APIResponse(responseCode = "404", description = "No such quiz",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The answer could not be recorded now; send it again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuizResult answer(@PathParam("id") UUID id, @Valid @NotNull QuizAnswerRequest request) {
        return quizzes.answer(id, caller.requireUser(), request.selectedOption());
    }
}
