package dev.learnflow.db;

import org.flywaydb.core.Flyway;

/**
 * The one way LearnFlow's schema is migrated: {@code classpath:db/migration} (db/migrations in the repository)
 * with Flyway. Services never migrate; the owner runs this before they start: the local launcher in-process, and
 * on Kubernetes the {@code db-migrations} Job ({@code java -cp '/deployments/lib/main/*' dev.learnflow.db.Migrations}
 * in a service image, which carries this jar, Flyway and the JDBC driver).
 *
 * <p>The Dapr state store may create its tables ({@code dapr_state}, {@code dapr_metadata}) in the same database
 * first; on such a non-empty schema without history Flyway starts the history at version 0, so V1.. still apply.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Flyway over the database, with LearnFlow's settings. */
    public static Flyway flyway(String jdbcUrl, String user, String password) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(jdbcUrl, user, password)
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .cleanDisabled(true)
                .load();
    }

    /** Migrates; returns the number of migrations applied now (0 when the schema is up to date). */
    public static int migrate(String jdbcUrl, String user, String password) {
        return flyway(jdbcUrl, user, password).migrate().migrationsExecuted;
    }

    /**
     * Migrates the database named by {@code LEARNFLOW_DB_HOST/PORT/NAME/USER/PASSWORD} (the services' variables;
     * defaults 127.0.0.1, 5432, learnflow, postgres, empty). Exit code 1 on failure, so a Job retries.
     */
    public static void main(String[] args) {
        String url = "jdbc:postgresql://" + env("LEARNFLOW_DB_HOST", "127.0.0.1") + ":" + env("LEARNFLOW_DB_PORT", "5432")
                + "/" + env("LEARNFLOW_DB_NAME", "learnflow");
        try {
            Flyway flyway = flyway(url, env("LEARNFLOW_DB_USER", "postgres"), env("LEARNFLOW_DB_PASSWORD", ""));
            int applied = flyway.migrate().migrationsExecuted;
            System.out.printf("%s: %d migrations applied, schema at version %s%n", url, applied,
                    flyway.info().current() == null ? "none" : flyway.info().current().getVersion());
        } catch (RuntimeException e) {
            System.err.println("migrating " + url + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
