package dev.learnflow.exercise.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.exercise.config.ExerciseConfig;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The student's mastery of a topic from progress ({@code GET /internal/students/{id}/context}, a
 * {@code StudentContext}). Best effort: progress being down, slow or not knowing the student only means the
 * exercise is pitched at the topic's own difficulty.
 */
@ApplicationScoped
public class ProgressContextClient {

    private static final Logger LOG = Logger.getLogger(ProgressContextClient.class);

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final ExerciseConfig config;

    @Inject
    public ProgressContextClient(ServiceInvoker invoker, ObjectMapper mapper, ExerciseConfig config) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.config = config;
    }

    /** P(known) of the topic, empty when unknown or progress cannot answer now. */
    public OptionalDouble mastery(UUID student, String topicId) {
        try {
            ServiceInvoker.Reply reply = invoker.invoke(new ServiceInvoker.Call(config.progressAppId(), "GET",
                            "/internal/students/" + student + "/context", null, null,
                            Map.of("Accept", "application/json",
                                    // progress answers for the student themselves
                                    "x-learnflow-user", student.toString(), "x-learnflow-roles", "student"),
                            config.progressTimeout()))
                    .get(config.progressTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            if (reply.status() != 200) {
                LOG.debugf("progress answered %d for %s's context", reply.status(), student);
                return OptionalDouble.empty();
            }
            JsonNode value = Optional.ofNullable(mapper.readTree(reply.body()))
                    .map(root -> root.path("mastery").path(topicId)).orElse(null);
            if (value == null || !value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(value.asDouble());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        } catch (Exception e) {
            LOG.infof("Student context unavailable (%s); using the topic's difficulty", e.toString());
            return OptionalDouble.empty();
        }
    }
}
