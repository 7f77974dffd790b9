package dev.learnflow.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalLong;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path tmp;

    @Test
    void startsCreatesLearnflowDatabaseAcceptsQueriesAndKeepsData() throws Exception {
        Path data = tmp.resolve("pg");
        long pid;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDir(data).start()) {
            assertThat(pg.database()).isEqualTo("learnflow");
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/learnflow");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
                try (ResultSet rs = s.executeQuery("SELECT current_database(), 40 + 2")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("learnflow");
                    assertThat(rs.getInt(2)).isEqualTo(42);
                }
            }
            assertThat(pg.ensureDatabase("learnflow")).isFalse();
            OptionalLong p = pg.pid();
            assertThat(p).isPresent();
            pid = p.getAsLong();
        }
        // pg_ctl stop returns once postmaster.pid is gone; the process itself is reaped a moment later.
        ProcessHandle.of(pid).ifPresent(ph -> ph.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDir(data).start();
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void ensureDatabaseOnTheMachinePostgres() {
        String host = System.getProperty("learnflow.test.db.host", "127.0.0.1");
        Assumptions.assumeTrue(PostgresDatabases.isReachable(host, 5432, "postgres", ""),
                "no PostgreSQL at " + host + ":5432");
        String name = "learnflow_infra_test";
        PostgresDatabases.dropDatabase(host, 5432, "postgres", "", name);
        assertThat(PostgresDatabases.ensureDatabase(host, 5432, "postgres", "", name)).isTrue();
        assertThat(PostgresDatabases.ensureDatabase(host, 5432, "postgres", "", name)).isFalse();
        assertThat(PostgresDatabases.databaseExists(host, 5432, "postgres", "", name)).isTrue();
        PostgresDatabases.dropDatabase(host, 5432, "postgres", "", name);
        assertThat(PostgresDatabases.databaseExists(host, 5432, "postgres", "", name)).isFalse();
    }
}
