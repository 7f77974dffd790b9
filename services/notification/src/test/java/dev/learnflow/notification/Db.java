package dev.learnflow.notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Direct access to the test database: seeding accounts (the gateway's table) and checking the alerts table. */
final class Db {

    static final String HOST = env("LEARNFLOW_DB_HOST", "127.0.0.1");
    static final String PORT = env("LEARNFLOW_DB_PORT", "5432");
    static final String USER = env("LEARNFLOW_DB_USER", "postgres");
    static final String PASSWORD = env("LEARNFLOW_DB_PASSWORD", "");
    static final String NAME = env("LEARNFLOW_TEST_DB_NAME", "learnflow_test");

    private Db() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME, USER, PASSWORD);
    }

    /** libpq form, what the Dapr PostgreSQL state store takes. */
    static String stateConnectionString() {
        return "host=" + HOST + " port=" + PORT + " user=" + USER + (PASSWORD.isEmpty() ? "" : " password=" + PASSWORD)
                + " dbname=" + NAME + " sslmode=disable";
    }

    static UUID teacher() {
        return insertUser("teacher", null);
    }

    static UUID student(UUID teacher) {
        return insertUser("student", teacher);
    }

    static UUID admin() {
        return insertUser("admin", null);
    }

    private static UUID insertUser(String role, UUID teacher) {
        UUID id = UUID.randomUUID();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("INSERT INTO users (id, email, "
                + "display_name, role, password_hash, teacher_id) VALUES (?, ?, ?, ?, 'x', ?)")) {
            s.setObject(1, id);
            s.setString(2, role + "-" + id + "@test.learnflow.dev");
            s.setString(3, role + " " + id.toString().substring(0, 8));
            s.setString(4, role);
            s.setObject(5, teacher);
            s.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An alert row as another part of the test needs it (bypassing the event path). */
    static UUID insertAlert(UUID student, UUID teacher, String topic, String reason, String status) {
        UUID id = UUID.randomUUID();
        String dedup = student + ":" + (topic == null ? "-" : topic) + ":" + reason;
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("INSERT INTO alerts (id, student_id, "
                + "teacher_id, topic_id, reason, severity, status, evidence, dedup_key, acknowledged_at, resolved_at) "
                + "VALUES (?, ?, ?, ?, ?, 'medium', ?, '{\"count\": 3}'::jsonb, ?, "
                + "CASE WHEN ? = 'acknowledged' THEN now() END, CASE WHEN ? = 'resolved' THEN now() END)")) {
            s.setObject(1, id);
            s.setObject(2, student);
            s.setObject(3, teacher);
            s.setString(4, topic);
            s.setString(5, reason);
            s.setString(6, status);
            s.setString(7, dedup);
            s.setString(8, status);
            s.setString(9, status);
            s.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The alerts of a student, oldest first, as column → value maps. */
    static List<Map<String, Object>> alertsOf(UUID student) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT id, teacher_id, topic_id, "
                + "reason, severity, status, evidence::text AS evidence, dedup_key, acknowledged_at, resolved_at "
                + "FROM alerts WHERE student_id = ? ORDER BY created_at, id")) {
            s.setObject(1, student);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
