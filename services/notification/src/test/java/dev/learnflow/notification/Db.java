package dev.learnflow.notification;

import dev.learnflow.local.testing.GatewayUsers;
import dev.learnflow.local.testing.TestDatabase;

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

/** Accounts (served by the gateway stand-in, {@link GatewayUsers}) and direct access to the alerts table. */
final class Db {

    private Db() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
    }

    static UUID teacher() {
        return GatewayUsers.teacher();
    }

    static UUID student(UUID teacher) {
        return GatewayUsers.student(teacher);
    }

    static UUID admin() {
        return GatewayUsers.admin();
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
}
