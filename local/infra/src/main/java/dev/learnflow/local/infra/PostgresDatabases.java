package dev.learnflow.local.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** Creates and drops databases on any PostgreSQL server (the machine's, or an embedded one). */
public final class PostgresDatabases {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private PostgresDatabases() {
    }

    /** {@code jdbc:postgresql://host:port/name}. */
    public static String jdbcUrl(String host, int port, String name) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /**
     * Creates database {@code name} if it does not exist yet (safe when several callers race).
     *
     * @return true if this call created it
     */
    public static boolean ensureDatabase(String host, int port, String user, String password, String name) {
        checkName(name);
        try (Connection c = connect(host, port, user, password, "postgres")) {
            if (exists(c, name)) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // duplicate_database: someone else was quicker
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ensure database " + name + " on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** True if database {@code name} exists. */
    public static boolean databaseExists(String host, int port, String user, String password, String name) {
        try (Connection c = connect(host, port, user, password, "postgres")) {
            return exists(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Drops database {@code name} if it exists, closing its connections. */
    public static void dropDatabase(String host, int port, String user, String password, String name) {
        checkName(name);
        try (Connection c = connect(host, port, user, password, "postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    /** True if a PostgreSQL server answers a query at host:port with these credentials. */
    public static boolean isReachable(String host, int port, String user, String password) {
        try (Connection c = connect(host, port, user, password, "postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Opens a JDBC connection (caller closes it). */
    public static Connection connect(String host, int port, String user, String password, String database)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user == null ? "postgres" : user);
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(host, port, database), p);
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }
}
