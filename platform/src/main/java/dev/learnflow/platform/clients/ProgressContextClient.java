package dev.learnflow.platform.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.platform.auth.CallerIdentity;
import dev.learnflow.platform.auth.Roles;
import dev.learnflow.platform.dapr.ServiceInvoker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The student's learning context from progress: {@code GET /internal/students/{id}/context} through our sidecar,
 * a {@link StudentContext}. Best effort by design: progress being slow, down or not knowing the student gives an
 * empty answer, and the caller goes on without it.
 */
@ApplicationScoped
public class ProgressContextClient {

    private static final Logger LOG = Logger.getLogger(ProgressContextClient.class);

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final String appId;

    @Inject
    public ProgressContextClient(ServiceInvoker invoker, ObjectMapper mapper,
                                 @ConfigProperty(name = "learnflow.progress.app-id", defaultValue = "progress")
                                 String appId) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.appId = appId;
    }

    /** The context, or empty when progress cannot answer within {@code timeout}. */
    public Optional<StudentContext> context(UUID studentId, Duration timeout) {
        try {
            // The student asks about their own data: pass their identity on as the gateway would.
            ServiceInvoker.Reply reply = invoker.invoke(new ServiceInvoker.Call(appId, "GET",
                            "/internal/students/" + studentId + "/context", null, null,
                            CallerIdentity.headersFor(studentId, Roles.STUDENT), timeout))
                    .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
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
