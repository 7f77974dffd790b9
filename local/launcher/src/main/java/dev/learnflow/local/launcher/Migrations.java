package dev.learnflow.local.launcher;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the Flyway migrations of {@code learnflow-db} ({@code classpath:db/migration}, the same files and defaults
 * the services use at start) once, before the sidecars and services start. The sidecars' {@code state.postgresql}
 * component creates its tables ({@code dapr_state}, {@code dapr_metadata}) in the same database; had they come
 * first, the services' Flyway would find a non-empty schema without history and refuse to migrate. For a
 * database that already holds only such foreign tables, the history is started at version 0 so that every
 * migration still runs.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Migrates {@code db}; returns the number of migrations applied now (0 when up to date). */
    public static int migrate(DbTarget db) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult r = flyway.migrate();
        return r.migrationsExecuted;
    }
}
