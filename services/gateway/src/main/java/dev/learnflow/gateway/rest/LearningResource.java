package dev.learnflow.gateway.rest;

import dev.learnflow.contracts.api.ExerciseHintRequest;
import dev.learnflow.contracts.api.ExerciseRequest;
import dev.learnflow.contracts.api.ExerciseSubmission;
import dev.learnflow.contracts.api.QuizAnswerRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The course (modules, topics), exercises and quizzes. */
@Path("/api/v1")
@Tag(name = "learning", description = "Curriculum, exercises and quizzes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"student", "teacher", "admin"})
public class LearningResource {

    @Inject
    Forward forward;

    @GET
    @Path("/curriculum/modules")
    @Operation(summary = "The course modules in teaching order, with their topics")
    public Uni<Response> modules() {
        return forward.get(Routes.CONCEPTS, "/internal/curriculum/modules");
    }

    @GET
    @Path("/curriculum/modules/{moduleId}")
    @Operation(summary = "One module with its topics")
    public Uni<Response> module(@PathParam("moduleId") String moduleId) {
        return forward.get(Routes.CONCEPTS, "/internal/curriculum/modules/" + Ids.slug("moduleId", moduleId));
    }

    @GET
    @Path("/exercises")
    @Operation(summary = "Exercises of a topic")
    public Uni<Response> exercises(@QueryParam("topicId") String topicId) {
        return forward.get(Routes.EXERCISE, "/internal/exercises?topicId=" + Ids.slug("topicId", topicId));
    }

    @POST
    @Path("/exercises")
    @Operation(summary = "Generate an exercise for a topic, adapted to the student's mastery")
    public Uni<Response> generate(@Valid @NotNull ExerciseRequest request) {
        return forward.postRunningCode(Routes.EXERCISE, "/internal/exercises", request);
    }

    @GET
    @Path("/exercises/{exerciseId}")
    @Operation(summary = "One exercise (prompt, starter code, visible tests)")
    public Uni<Response> exercise(@PathParam("exerciseId") String exerciseId) {
        return forward.get(Routes.EXERCISE, "/internal/exercises/" + Ids.uuid("exerciseId", exerciseId));
    }

    @POST
    @Path("/exercises/{exerciseId}/submissions")
    @Operation(summary = "Submit a solution; it is graded in the sandbox against visible and hidden tests")
    public Uni<Response> submit(@PathParam("exerciseId") String exerciseId, @Valid @NotNull ExerciseSubmission submission) {
        return forward.postRunningCode(Routes.EXERCISE,
                "/internal/exercises/" + Ids.uuid("exerciseId", exerciseId) + "/submissions", submission);
    }

    @POST
    @Path("/exercises/{exerciseId}/hints")
    @Operation(summary = "More hints (levels 2, 3) on a graded, failed submission; the grade carries level 1")
    public Uni<Response> hints(@PathParam("exerciseId") String exerciseId, @Valid @NotNull ExerciseHintRequest request) {
        return forward.postRunningCode(Routes.EXERCISE,
                "/internal/exercises/" + Ids.uuid("exerciseId", exerciseId) + "/hints", request);
    }

    @GET
    @Path("/topics/{topicId}/quizzes")
    @Operation(summary = "Multiple-choice quizzes of a topic")
    public Uni<Response> quizzes(@PathParam("topicId") String topicId) {
        return forward.get(Routes.EXERCISE, "/internal/quizzes?topicId=" + Ids.slug("topicId", topicId));
    }

    @POST
    @Path("/quizzes/{quizId}/answers")
    @Operation(summary = "Answer a quiz question")
    public Uni<Response> answerQuiz(@PathParam("quizId") String quizId, @Valid @NotNull QuizAnswerRequest answer) {
        return forward.post(Routes.EXERCISE, "/internal/quizzes/" + Ids.uuid("quizId", quizId) + "/answers", answer);
    }
}
