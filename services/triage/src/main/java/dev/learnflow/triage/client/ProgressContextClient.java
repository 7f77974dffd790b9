package dev.learnflow.triage.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.platform.auth.CallerIdentity;
import dev.learnflow.platform.auth.Roles;
import dev.learnflow.platform.dapr.ServiceInvoker;
import dev.learnflow.triage.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The student's learning context from the progress service: {@code GET /internal/students/{id}/context} through our
 * sidecar (Dapr access control lets triage GET {@code /internal/students/**}), answered with a
 * {@link StudentContext} (current module/topic, mastery per topic, recent error types). Progress being slow or down
 * never blocks a question: the answer is then empty and the question goes on without it.
 */
@ApplicationScoped
public class ProgressContextClient {

    private static final Logger LOG = Logger.getLogger(ProgressContextClient.class);
    static final String APP_ID = "progress";

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final TriageConfig config;

    public ProgressContextClient(ServiceInvoker invoker, ObjectMapper mapper, TriageConfig config) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.config = config;
    }

    public Optional<StudentContext> context(UUID studentId) {
        try {
            // The student asks about their own data: pass their identity as the gateway would.
            ServiceInvoker.Reply reply = invoker.invoke(new ServiceInvoker.Call(APP_ID, "GET",
                    "/internal/students/" + studentId + "/context", null, null,
                    Map.of(CallerIdentity.USER_HEADER, studentId.toString(), CallerIdentity.ROLES_HEADER, Roles.STUDENT),
                    config.contextTimeout())).get(config.contextTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            if (reply.status() != 200) {
                LOG.debugf("progress context for %s: HTTP %d; going on without it", studentId, reply.status());
                return Optional.empty();
            }
            return Optional.ofNullable(mapper.readValue(reply.body(), StudentContext.class));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.debugf("progress context for %s unavailable (%s); going on without it", studentId, e.toString());
            return Optional.empty();
        }
    }
}
