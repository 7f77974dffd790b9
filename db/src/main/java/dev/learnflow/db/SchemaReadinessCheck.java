package dev.learnflow.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.ValidateResult;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Services do not migrate (the launcher or the Kubernetes Job does, see {@link Migrations}): a service is ready
 * only once the schema has every migration it ships with, applied as shipped (Flyway validation). Until then
 * {@code /q/health/ready} is DOWN with the version found and the version needed, so a pod started before the
 * migration Job finished simply waits instead of failing on missing tables. Once valid it stays UP: a schema
 * never goes back.
 */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    /** Null in an app without a database. */
    private final Flyway flyway;
    private volatile String validVersion;
    /**
     * One look at the schema at a time: a Flyway run can take a second pooled connection while holding the first,
     * so two concurrent probes on a two-connection pool each wait for the other's second connection until the
     * acquisition timeout, again and again (seen: triage never ready). A probe that finds one under way answers
     * DOWN at once.
     */
    private final ReentrantLock checking = new ReentrantLock();

    /**
     * This jar also reaches apps without a database (through the shared test harness, local/testing): there is
     * no Flyway bean there, and no schema to wait for.
     */
    @Inject
    public SchemaReadinessCheck(Instance<Flyway> flyway) {
        this(flyway.isResolvable() ? flyway.get() : null);
    }

    public SchemaReadinessCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("schema");
        if (flyway == null) {
            return b.up().withData("detail", "no database in this app").build();
        }
        if (validVersion != null) {
            return b.up().withData("version", validVersion).build();
        }
        if (!checking.tryLock()) {
            return b.down().withData("detail", "the schema is being checked").build();
        }
        try {
            return inspect(b);
        } finally {
            checking.unlock();
        }
    }

    private HealthCheckResponse inspect(HealthCheckResponseBuilder b) {
        if (validVersion != null) {
            return b.up().withData("version", validVersion).build();
        }
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo[] all = info.all();
            String needed = all.length == 0 || all[all.length - 1].getVersion() == null ? "none"
                    : all[all.length - 1].getVersion().getVersion();
            String current = info.current() == null || info.current().getVersion() == null ? "none"
                    : info.current().getVersion().getVersion();
            b.withData("version", current).withData("needed", needed);
            if (info.pending().length > 0) {
                return b.down().withData("detail", info.pending().length
                        + " migrations not applied yet (the launcher or the db-migrations Job applies them)").build();
            }
            ValidateResult v = flyway.validateWithResult();
            if (!v.validationSuccessful) {
                return b.down().withData("detail", "schema differs from the shipped migrations: "
                        + v.getAllErrorMessages()).build();
            }
            validVersion = current;
            return b.up().build();
        } catch (RuntimeException e) {
            return b.down().withData("detail", "cannot read the schema history: " + e.getMessage()).build();
        }
    }
}
