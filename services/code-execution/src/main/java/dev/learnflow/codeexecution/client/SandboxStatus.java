package dev.learnflow.codeexecution.client;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Whether the sandbox passed its self-test; readiness and every run check it (fail closed). */
@ApplicationScoped
public class SandboxStatus {

    /** The last self-test's verdict. */
    public record Verdict(boolean healthy, String detail, String pythonVersion, Instant checkedAt) {
    }

    private volatile Verdict verdict = new Verdict(false, "self-test has not run yet", null, null);

    public Verdict verdict() {
        return verdict;
    }

    public boolean healthy() {
        return verdict.healthy();
    }

    void update(Verdict v) {
        this.verdict = v;
    }
}
