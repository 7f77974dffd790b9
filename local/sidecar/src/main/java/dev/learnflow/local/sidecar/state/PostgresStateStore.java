package dev.learnflow.local.sidecar.state;

import dev.learnflow.local.sidecar.Json;
import dev.learnflow.local.sidecar.SidecarConfigException;
import dev.learnflow.local.sidecar.config.ComponentSpec;

import org.postgresql.jdbc.PgStatement;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * state.postgresql v1 over JDBC, with daprd's table layout: {@code key text primary key, value jsonb, isbinary,
 * insertdate, updatedate, expiredate}; the ETag is the row's {@code xmin} (as in the v1 component). Values that are
 * JSON are stored as jsonb, anything else base64 in a JSON string with {@code isbinary = true}. The table and the
 * metadata table are created when missing.
 */
public final class PostgresStateStore implements StateStore {

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final ConnectionPool pool;
    private final String table;
    private final String metadataTable;

    private PostgresStateStore(ConnectionPool pool, String table, String metadataTable) {
        this.pool = pool;
        this.table = table;
        this.metadataTable = metadataTable;
    }

    public static PostgresStateStore create(ComponentSpec spec, int maxConnections) {
        String connection = spec.require("connectionString");
        String table = spec.get("tableName", "state");
        String metadataTable = spec.get("metadataTableName", "dapr_metadata");
        for (String t : List.of(table, metadataTable)) {
            if (!IDENT.matcher(t).matches()) {
                throw new SidecarConfigException(spec.describe() + ": invalid table name '" + t + "'");
            }
        }
        JdbcTarget target;
        try {
            target = toJdbc(connection);
        } catch (IllegalArgumentException e) {
            throw new SidecarConfigException(spec.describe() + ": connectionString is not a PostgreSQL "
                    + "connection string (" + e.getMessage() + ")", e);
        }
        PostgresStateStore store = new PostgresStateStore(new ConnectionPool(target.url(), target.props(),
                maxConnections), table, metadataTable);
        try {
            store.ensureSchema();
        } catch (SQLException e) {
            store.close();
            throw new SidecarConfigException(spec.describe() + ": cannot prepare table " + table + " in "
                    + target.url() + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** A JDBC URL and properties for a pgx-style connection string (URL or key=value form, or a jdbc: URL). */
    public record JdbcTarget(String url, Properties props) {
    }

    public static JdbcTarget toJdbc(String connectionString) {
        String cs = connectionString.trim();
        Properties props = new Properties();
        if (cs.startsWith("jdbc:postgresql:")) {
            return new JdbcTarget(cs, props);
        }
        Map<String, String> kv = new LinkedHashMap<>();
        String host = "localhost";
        String port = "5432";
        String db = null;
        if (cs.startsWith("postgres://") || cs.startsWith("postgresql://")) {
            URI uri = URI.create(cs);
            if (uri.getHost() != null) {
                host = uri.getHost();
            }
            if (uri.getPort() > 0) {
                port = Integer.toString(uri.getPort());
            }
            if (uri.getRawUserInfo() != null) {
                String[] up = uri.getRawUserInfo().split(":", 2);
                kv.put("user", decode(up[0]));
                if (up.length > 1) {
                    kv.put("password", decode(up[1]));
                }
            }
            String path = uri.getRawPath();
            if (path != null && path.length() > 1) {
                db = decode(path.substring(1));
            }
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] p = pair.split("=", 2);
                    kv.put(decode(p[0]), p.length > 1 ? decode(p[1]) : "");
                }
            }
        } else {
            for (String token : cs.split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected key=value, got '" + token + "'");
                }
                String v = token.substring(eq + 1);
                if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                    v = v.substring(1, v.length() - 1);
                }
                kv.put(token.substring(0, eq), v);
            }
        }
        if (kv.containsKey("host")) {
            host = kv.remove("host");
        }
        if (kv.containsKey("port")) {
            port = kv.remove("port");
        }
        if (kv.containsKey("dbname")) {
            db = kv.remove("dbname");
        }
        if (kv.containsKey("database")) {
            db = kv.remove("database");
        }
        if (kv.containsKey("user")) {
            props.setProperty("user", kv.remove("user"));
        }
        if (kv.containsKey("password")) {
            props.setProperty("password", kv.remove("password"));
        }
        if (kv.containsKey("connect_timeout")) {
            props.setProperty("connectTimeout", kv.remove("connect_timeout"));
        }
        if (kv.containsKey("sslmode")) {
            props.setProperty("sslmode", kv.remove("sslmode"));
        }
        if (kv.containsKey("application_name")) {
            props.setProperty("ApplicationName", kv.remove("application_name"));
        }
        // Remaining pgx pool options (pool_max_conns, ...) have no JDBC equivalent and are ignored.
        if (db == null || db.isBlank()) {
            db = props.getProperty("user", "postgres");
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return new JdbcTarget("jdbc:postgresql://" + hostPart + ":" + port + "/" + db, props);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private void ensureSchema() throws SQLException {
        Connection c = pool.borrow();
        boolean broken = true;
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // Several sidecars may start at once against the same database.
                st.execute("SELECT pg_advisory_xact_lock(" + ((long) ("dapr-state:" + table).hashCode()) + ")");
                st.execute("CREATE TABLE IF NOT EXISTS " + metadataTable
                        + " (key text NOT NULL PRIMARY KEY, value text NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                        + "key text NOT NULL PRIMARY KEY, value jsonb NOT NULL, isbinary boolean NOT NULL, "
                        + "insertdate TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(), "
                        + "updatedate TIMESTAMP WITH TIME ZONE NULL, expiredate TIMESTAMP WITH TIME ZONE NULL)");
                st.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS expiredate TIMESTAMP WITH TIME ZONE NULL");
                st.execute("INSERT INTO " + metadataTable + " (key, value) VALUES ('migrations', '2') "
                        + "ON CONFLICT (key) DO NOTHING");
            }
            c.commit();
            broken = false;
        } finally {
            pool.giveBack(c, broken);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws Exception;
    }

    /**
     * Runs the work on a pooled connection. A connection failure (SQLSTATE 08, e.g. the database restarted or the
     * network dropped) means every idle connection is dead too: they are all dropped and the work is tried once
     * more on a fresh connection. Retrying is safe: a plain write applied twice leaves the same value, and a write
     * with an ETag that did get through before the connection broke fails its ETag check the second time instead
     * of applying twice. A failure on the fresh connection goes to the caller.
     */
    private <T> T withConnection(Work<T> work) throws Exception {
        try {
            return attempt(work);
        } catch (SQLException e) {
            if (!isConnectionFailure(e)) {
                throw e;
            }
            pool.evictIdle();
            return attempt(work);
        }
    }

    private <T> T attempt(Work<T> work) throws Exception {
        Connection c = pool.borrow();
        boolean broken = false;
        try {
            return work.run(c);
        } catch (SQLException e) {
            broken = isConnectionFailure(e);
            if ("57014".equals(e.getSQLState()) && Deadline.remainingMillis() >= 0) {
                // Cancelled at the deadline: the caller's timeout, as daprd reports a cancelled context.
                throw new dev.learnflow.local.sidecar.resiliency.Failures.Timeout();
            }
            throw e;
        } finally {
            pool.giveBack(c, broken);
        }
    }

    /**
     * A statement that the driver cancels when the caller's resiliency timeout passes, as daprd's context cancels
     * pgx's query. A per-statement timeout rather than SET/RESET statement_timeout: one round trip per statement
     * instead of three, and nothing to undo on the pooled connection.
     */
    private static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        long remaining = Deadline.remainingMillis();
        if (remaining > 0) {
            ps.unwrap(PgStatement.class).setQueryTimeoutMs(remaining);
        }
        return ps;
    }

    private static boolean isConnectionFailure(SQLException e) {
        return e instanceof SQLTransientConnectionException
                || e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private static final String LIVE = " AND (expiredate IS NULL OR expiredate > CURRENT_TIMESTAMP)";

    @Override
    public Entry get(String key) throws Exception {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c,
                    "SELECT value::text, isbinary, xmin::text, expiredate FROM " + table + " WHERE key = ?" + LIVE)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Entry(key, decodeValue(rs.getString(1), rs.getBoolean(2)), rs.getString(3),
                            expires(rs.getTimestamp(4))) : null;
                }
            }
        });
    }

    @Override
    public List<Entry> bulkGet(List<String> keys) throws Exception {
        Map<String, Entry> found = withConnection(c -> {
            Map<String, Entry> out = new HashMap<>();
            try (PreparedStatement ps = prepare(c,
                    "SELECT key, value::text, isbinary, xmin::text, expiredate FROM " + table + " WHERE key = ANY(?)"
                            + LIVE)) {
                ps.setArray(1, c.createArrayOf("text", keys.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Entry(rs.getString(1),
                                decodeValue(rs.getString(2), rs.getBoolean(3)), rs.getString(4),
                                expires(rs.getTimestamp(5))));
                    }
                }
            }
            return out;
        });
        List<Entry> result = new ArrayList<>();
        for (String k : keys) {
            result.add(found.getOrDefault(k, new Entry(k, null, null)));
        }
        return result;
    }

    @Override
    public List<Entry> getByPrefix(String prefix) throws Exception {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return withConnection(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT key, value::text, isbinary, xmin::text, expiredate "
                    + "FROM " + table + " WHERE key LIKE ? ESCAPE '\\'" + LIVE)) {
                ps.setString(1, pattern);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getString(1), decodeValue(rs.getString(2), rs.getBoolean(3)),
                                rs.getString(4), expires(rs.getTimestamp(5))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void set(Upsert op) throws Exception {
        withConnection(c -> {
            apply(c, op);
            return null;
        });
    }

    @Override
    public void delete(Delete op) throws Exception {
        withConnection(c -> {
            apply(c, op);
            return null;
        });
    }

    @Override
    public void transact(List<Operation> ops) throws Exception {
        withConnection(c -> {
            c.setAutoCommit(false);
            try {
                for (Operation op : ops) {
                    apply(c, op);
                }
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    @Override
    public List<String> features() {
        return List.of("ETAG", "TRANSACTIONAL", "QUERY_API", "TTL");
    }

    /**
     * state.postgresql v1's query (components-contrib common/component/postgresql/v1): one SELECT over the whole
     * table, as the component does: no key-prefix filter (every app's rows), no expiry filter, fields compared as
     * text ({@code value->'a'->>'b' = $1} with the value's Go {@code %v} text), sorted as text, LIMIT/OFFSET paging
     * whose token is the next offset.
     */
    @Override
    public QueryPage query(StateQuery query) throws Exception {
        List<String> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT key, value::text, xmin::text FROM " + table);
        if (query.filter() != null) {
            sql.append(" WHERE ").append(where(query.filter(), params));
        }
        if (!query.sort().isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < query.sort().size(); i++) {
                StateQuery.Sort s = query.sort().get(i);
                sql.append(i > 0 ? ", " : "").append(field(s.key())).append(s.order().isEmpty() ? "" : " " + s.order());
            }
        }
        if (query.limit() > 0) {
            sql.append(" LIMIT ").append(query.limit());
        }
        long skip = 0;
        if (!query.token().isEmpty()) {
            try {
                skip = Long.parseLong(query.token());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strconv.ParseInt: parsing \"" + query.token()
                        + "\": invalid syntax");
            }
            sql.append(" OFFSET ").append(skip);
        }
        long offset = skip;
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                List<Entry> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Entry(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8),
                                rs.getString(3)));
                    }
                }
                String token = query.limit() > 0 ? Long.toString(offset + rows.size()) : "";
                return new QueryPage(rows, token);
            }
        });
    }

    private static String where(StateQuery.Filter f, List<String> params) {
        if (f instanceof StateQuery.Compare cmp) {
            if (!cmp.op().equals("EQ") && !cmp.op().equals("NEQ") && cmp.value().isTextual()) {
                throw new IllegalArgumentException("unsupported type of value " + cmp.value().asText()
                        + "; string type not permitted");
            }
            String op = switch (cmp.op()) {
                case "EQ" -> "=";
                case "NEQ" -> "!=";
                case "GT" -> ">";
                case "GTE" -> ">=";
                case "LT" -> "<";
                default -> "<=";
            };
            params.add(StateQuery.goText(cmp.value()));
            return field(cmp.key()) + op + "?";
        }
        if (f instanceof StateQuery.In in) {
            if (in.values().isEmpty()) {
                throw new IllegalArgumentException("empty IN operator for key \"" + in.key() + "\"");
            }
            List<String> parts = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode v : in.values()) {
                params.add(StateQuery.goText(v));
                parts.add(field(in.key()) + "=?");
            }
            return "(" + String.join(" OR ", parts) + ")";
        }
        StateQuery.Junction j = (StateQuery.Junction) f;
        List<String> parts = new ArrayList<>();
        j.filters().forEach(sub -> parts.add(where(sub, params)));
        return "(" + String.join(" " + j.op() + " ", parts) + ")";
    }

    /** "a.b" → value->'a'->>'b' (translateFieldToFilter), quotes escaped. */
    private static String field(String key) {
        String[] parts = key.split("\\.", -1);
        StringBuilder sb = new StringBuilder("value");
        for (int i = 0; i < parts.length; i++) {
            sb.append(i + 1 == parts.length ? "->>" : "->").append('\'').append(parts[i].replace("'", "''"))
                    .append('\'');
        }
        return sb.toString();
    }

    private void apply(Connection c, Operation op) throws SQLException, ETagException, NoItemUpdatedException {
        if (op instanceof Upsert u) {
            String[] stored = encodeValue(u.value());
            String expire = u.ttlSeconds() != null && u.ttlSeconds() > 0
                    ? "CURRENT_TIMESTAMP + make_interval(secs => " + u.ttlSeconds() + ")" : "NULL";
            if (u.etag() != null && !u.etag().isEmpty()) {
                long xmin = parseEtag(u.etag());
                try (PreparedStatement ps = prepare(c, "UPDATE " + table + " SET value = ?::jsonb, "
                        + "isbinary = ?, updatedate = CURRENT_TIMESTAMP, expiredate = " + expire
                        + " WHERE key = ? AND xmin = ?::text::xid" + LIVE)) {
                    ps.setString(1, stored[0]);
                    ps.setBoolean(2, Boolean.parseBoolean(stored[1]));
                    ps.setString(3, u.key());
                    ps.setString(4, Long.toString(xmin));
                    if (ps.executeUpdate() == 0) {
                        throw ETagException.mismatch(u.key());
                    }
                }
            } else {
                String conflict = u.firstWrite()
                        // first-write without an ETag: only if the key is absent (or expired)
                        ? " ON CONFLICT (key) DO UPDATE SET value = excluded.value, isbinary = excluded.isbinary, "
                        + "updatedate = CURRENT_TIMESTAMP, expiredate = excluded.expiredate WHERE "
                        + "s.expiredate IS NOT NULL AND s.expiredate <= CURRENT_TIMESTAMP"
                        : " ON CONFLICT (key) DO UPDATE SET value = excluded.value, isbinary = excluded.isbinary, "
                        + "updatedate = CURRENT_TIMESTAMP, expiredate = excluded.expiredate";
                try (PreparedStatement ps = prepare(c, "INSERT INTO " + table
                        + " AS s (key, value, isbinary, expiredate) VALUES (?, ?::jsonb, ?, " + expire + ")" + conflict)) {
                    ps.setString(1, u.key());
                    ps.setString(2, stored[0]);
                    ps.setBoolean(3, Boolean.parseBoolean(stored[1]));
                    if (ps.executeUpdate() == 0) {
                        // The v1 component reports a first-write on an existing key without an ETag as a plain
                        // error, not an ETag error, so daprd answers it as an internal error (not ABORTED/409).
                        throw new NoItemUpdatedException();
                    }
                }
            }
        } else {
            Delete d = (Delete) op;
            if (d.etag() != null && !d.etag().isEmpty()) {
                long xmin = parseEtag(d.etag());
                try (PreparedStatement ps = prepare(c,
                        "DELETE FROM " + table + " WHERE key = ? AND xmin = ?::text::xid")) {
                    ps.setString(1, d.key());
                    ps.setString(2, Long.toString(xmin));
                    if (ps.executeUpdate() == 0) {
                        throw ETagException.mismatch(d.key());
                    }
                }
            } else {
                try (PreparedStatement ps = prepare(c, "DELETE FROM " + table + " WHERE key = ?")) {
                    ps.setString(1, d.key());
                    ps.executeUpdate();
                }
            }
        }
    }


    /** daprd reports expiredate as ttlExpireTime (RFC 3339, UTC). */
    private static java.time.Instant expires(java.sql.Timestamp expiredate) {
        return expiredate == null ? null : expiredate.toInstant();
    }

    private static long parseEtag(String etag) throws ETagException {
        try {
            long v = Long.parseLong(etag.trim());
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw ETagException.invalid(etag);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ETagException.invalid(etag);
        }
    }

    /** [jsonText, isBinary] for the jsonb column. */
    private static String[] encodeValue(Value value) {
        if (value.json() && Json.isValid(value.bytes())) {
            return new String[] {new String(value.bytes(), StandardCharsets.UTF_8), "false"};
        }
        String b64 = Base64.getEncoder().encodeToString(value.bytes());
        return new String[] {"\"" + b64 + "\"", "true"};
    }

    private static byte[] decodeValue(String jsonText, boolean binary) {
        if (!binary) {
            return jsonText.getBytes(StandardCharsets.UTF_8);
        }
        String b64 = Json.parse(jsonText.getBytes(StandardCharsets.UTF_8)).asText();
        return Base64.getDecoder().decode(b64);
    }

    @Override
    public void close() {
        pool.close();
    }
}
