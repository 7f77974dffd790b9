package dev.learnflow.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * One owner migrates ({@link Migrations}); a service only waits: its readiness check is DOWN, with the version
 * found and needed, until every shipped migration is applied, and UP afterwards.
 */
class SchemaOwnershipTest {

    @Test
    void aServiceWaitsForTheOwnersMigrationThenIsReady() {
        try (TestDatabase db = TestDatabase.createEmpty()) {
            SchemaReadinessCheck check = new SchemaReadinessCheck(
                    Migrations.flyway(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD));

            HealthCheckResponse before = check.call();
            assertThat(before.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(before.getData().orElseThrow()).containsEntry("version", "none")
                    .containsEntry("needed", "4");
            assertThat((String) before.getData().orElseThrow().get("detail"))
                    .startsWith("4 migrations not applied yet");

            assertThat(Migrations.migrate(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD)).isEqualTo(4);
            assertThat(Migrations.migrate(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD)).isZero();

            HealthCheckResponse after = check.call();
            assertThat(after.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(after.getData().orElseThrow()).containsEntry("version", "4");
        }
    }

    @Test
    void anUnreachableDatabaseIsDownWithTheReason() {
        SchemaReadinessCheck check = new SchemaReadinessCheck(
                Migrations.flyway("jdbc:postgresql://127.0.0.1:1/nowhere", "postgres", ""));
        HealthCheckResponse r = check.call();
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((String) r.getData().orElseThrow().get("detail")).startsWith("cannot read the schema history");
    }
}
