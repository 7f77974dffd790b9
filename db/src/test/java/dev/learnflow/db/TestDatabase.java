package dev.learnflow.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A fresh, uniquely named database on the machine's PostgreSQL, migrated by {@link Migrations#flyway} from
 * {@code classpath:db/migration} (exactly what the services run), and dropped on {@link #close()}.
 *
 * <p>Connection settings come from the environment: {@code LEARNFLOW_TEST_DB_HOST} (127.0.0.1),
 * {@code LEARNFLOW_TEST_DB_PORT} (5432), {@code LEARNFLOW_TEST_DB_USER} (postgres) and
 * {@code LEARNFLOW_TEST_DB_PASSWORD} (empty). Databases are named {@code learnflow_it_<epoch seconds>_<random>};
 * ones left behind by a killed run are dropped once they are older than {@link #STALE_AFTER}.
 */
public final class TestDatabase implements AutoCloseable {

    static final String HOST = env("LEARNFLOW_TEST_DB_HOST", "127.0.0.1");
    static final String PORT = env("LEARNFLOW_TEST_DB_PORT", "5432");
    static final String USER = env("LEARNFLOW_TEST_DB_USER", "postgres");
    static final String PASSWORD = env("LEARNFLOW_TEST_DB_PASSWORD", "");
    static final String PREFIX = "learnflow_it_";
    static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]+");

    private final String name;
    private final Flyway flyway;
    private boolean closed;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    private TestDatabase(String name) {
        this.name = name;
        this.flyway = Migrations.flyway(jdbcUrl(name), USER, PASSWORD); // the settings the owner migrates with
    }

    /** Creates an empty database (no migrations applied yet). */
    public static TestDatabase createEmpty() {
        dropStale();
        String name = PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + HOST + ":" + PORT
                    + " as " + USER + " (is PostgreSQL running? see LEARNFLOW_TEST_DB_*)", e);
        }
        return new TestDatabase(name);
    }

    /** Creates a database and applies every migration. */
    public static TestDatabase createMigrated() {
        TestDatabase db = createEmpty();
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public MigrateResult migrate() {
        return flyway.migrate();
    }

    public Flyway flyway() {
        return flyway;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl(name);
    }

    /** A connection to this database; {@link #close()} closes it if the test has not. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
        connections.add(c);
        return c;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the drop below ends it anyway (with force)
            }
        }
        drop(name);
    }

    private static void drop(String db) {
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            st.execute("drop database if exists " + db + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + db, e);
        }
    }

    /** Drops databases of earlier runs that died before their cleanup (older than {@link #STALE_AFTER}). */
    private static void dropStale() {
        List<String> stale = new ArrayList<>();
        long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
        try (Connection admin = admin(); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery(
                        "select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                Matcher m = NAME.matcher(rs.getString(1));
                if (m.matches() && Long.parseLong(m.group(1)) < cutoff) {
                    stale.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            return; // creation below reports connection problems properly
        }
        for (String db : stale) {
            try {
                drop(db);
            } catch (IllegalStateException ignored) {
                // another run may be dropping it at the same moment
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
    }

    private static String jdbcUrl(String db) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + db;
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TestDatabase[%s @ %s:%s]", name, HOST, PORT);
    }
}
