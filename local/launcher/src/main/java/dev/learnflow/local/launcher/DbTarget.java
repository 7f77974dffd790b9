package dev.learnflow.local.launcher;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The PostgreSQL the mesh uses: embedded (started by the launcher) or external (given by the environment).
 * {@code host}/{@code port} of an embedded one are known only once it runs.
 */
public record DbTarget(boolean embedded, String host, int port, String name, String user, String password) {

    public static final String DEFAULT_NAME = "learnflow";

    public DbTarget {
        Objects.requireNonNull(name, "name");
        user = user == null || user.isBlank() ? "postgres" : user;
        password = password == null ? "" : password;
    }

    /** An embedded server on {@code port} (0 = any free port). */
    public static DbTarget embedded(int port) {
        return new DbTarget(true, "127.0.0.1", port, DEFAULT_NAME, "postgres", "");
    }

    /** An existing server; database {@code name} is created if missing. */
    public static DbTarget external(String host, int port, String name, String user, String password) {
        return new DbTarget(false, host, port, name, user, password);
    }

    /**
     * From the environment: {@code LEARNFLOW_DB_URL} ({@code jdbc:postgresql://host:port/name} or
     * {@code postgresql://...}) or {@code LEARNFLOW_DB_HOST} (+ {@code _PORT}, {@code _NAME}) select an external
     * server, with {@code LEARNFLOW_DB_USER}/{@code LEARNFLOW_DB_PASSWORD}; neither set: embedded on
     * {@code embeddedPort}.
     */
    public static DbTarget fromEnv(Map<String, String> env, int embeddedPort) {
        String user = env.getOrDefault("LEARNFLOW_DB_USER", "postgres");
        String password = env.getOrDefault("LEARNFLOW_DB_PASSWORD", "");
        String url = blankToNull(env.get("LEARNFLOW_DB_URL"));
        if (url != null) {
            String u = url.startsWith("jdbc:") ? url.substring(5) : url;
            URI uri = URI.create(u.replaceFirst("^postgres(ql)?://", "postgresql://"));
            String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String path = uri.getPath();
            String name = path == null || path.length() <= 1 ? env.getOrDefault("LEARNFLOW_DB_NAME", DEFAULT_NAME)
                    : path.substring(1);
            if (uri.getUserInfo() != null) {
                String[] up = uri.getUserInfo().split(":", 2);
                user = up[0];
                if (up.length > 1) {
                    password = up[1];
                }
            }
            return external(host, port, name, user, password);
        }
        String host = blankToNull(env.get("LEARNFLOW_DB_HOST"));
        if (host != null) {
            int port = Integer.parseInt(env.getOrDefault("LEARNFLOW_DB_PORT", "5432"));
            return external(host, port, env.getOrDefault("LEARNFLOW_DB_NAME", DEFAULT_NAME), user, password);
        }
        return embedded(embeddedPort);
    }

    public DbTarget withPort(int newPort) {
        return new DbTarget(embedded, host, newPort, name, user, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** The pgx-style key=value connection string Dapr's state.postgresql component takes. */
    public String daprConnectionString() {
        StringBuilder sb = new StringBuilder()
                .append("host=").append(host)
                .append(" port=").append(port)
                .append(" user=").append(user);
        if (!password.isEmpty()) {
            sb.append(" password=").append(password);
        }
        return sb.append(" dbname=").append(name).append(" connect_timeout=10").toString();
    }

    /** Environment a service needs to reach this database. */
    public Map<String, String> serviceEnv() {
        return Map.of(
                "LEARNFLOW_DB_HOST", host,
                "LEARNFLOW_DB_PORT", String.valueOf(port),
                "LEARNFLOW_DB_NAME", name,
                "LEARNFLOW_DB_USER", user,
                "LEARNFLOW_DB_PASSWORD", password);
    }

    @Override
    public String toString() {
        return (embedded ? "embedded " : "") + "postgresql://" + user + "@" + host + ":" + port + "/" + name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
