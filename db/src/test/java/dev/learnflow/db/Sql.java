package dev.learnflow.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tiny JDBC helpers for the tests. */
final class Sql {

    private Sql() {
    }

    static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : rows(c, sql, params)) {
            Object v = row.values().iterator().next();
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    static Object scalar(Connection c, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = rows(c, sql, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.get(0).values().iterator().next();
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        return ((Number) scalar(c, sql, params)).longValue();
    }

    static int exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
