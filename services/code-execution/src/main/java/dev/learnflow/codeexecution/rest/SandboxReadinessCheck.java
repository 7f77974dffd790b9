package dev.learnflow.codeexecution.rest;

import dev.learnflow.codeexecution.client.SandboxPool;
import dev.learnflow.codeexecution.client.SandboxStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the sandbox's self-test holds: a service that cannot isolate code takes no traffic. */
@Readiness
@ApplicationScoped
public class SandboxReadinessCheck implements HealthCheck {

    @Inject
    SandboxStatus status;
    @Inject
    SandboxPool pool;

    @Override
    public HealthCheckResponse call() {
        SandboxStatus.Verdict v = status.verdict();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("sandbox")
                .status(v.healthy())
                .withData("detail", v.detail())
                .withData("poolSize", pool.size())
                .withData("queueCapacity", pool.queueCapacity())
                .withData("inFlight", pool.inFlight());
        if (v.pythonVersion() != null) {
            b.withData("python", v.pythonVersion());
        }
        if (v.checkedAt() != null) {
            b.withData("checkedAt", v.checkedAt().toString());
        }
        return b.build();
    }
}
