package dev.learnflow.local.sidecar.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A small JDBC pool: connections are opened on demand up to a maximum and checked after idling. */
final class ConnectionPool implements AutoCloseable {

    private record Idle(Connection connection, long since) {
    }

    private final String url;
    private final Properties props;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private volatile boolean closed;

    ConnectionPool(String url, Properties props, int max) {
        this.url = url;
        this.props = props;
        this.permits = new Semaphore(max, true);
    }

    Connection borrow() throws SQLException {
        try {
            if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new SQLException("timed out waiting for a database connection");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for a database connection", e);
        }
        try {
            while (true) {
                Idle candidate;
                synchronized (idle) {
                    candidate = idle.pollFirst();
                }
                if (candidate == null) {
                    Connection c = DriverManager.getConnection(url, props);
                    c.setAutoCommit(true);
                    return c;
                }
                boolean stale = System.currentTimeMillis() - candidate.since() > 30_000;
                if (!stale || candidate.connection().isValid(2)) {
                    return candidate.connection();
                }
                quietClose(candidate.connection());
            }
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a connection; a broken one (or any after close) is closed instead of pooled. */
    void giveBack(Connection c, boolean broken) {
        try {
            if (broken || closed || c.isClosed()) {
                quietClose(c);
            } else {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                synchronized (idle) {
                    idle.addFirst(new Idle(c, System.currentTimeMillis()));
                }
            }
        } catch (SQLException e) {
            quietClose(c);
        } finally {
            permits.release();
        }
    }

    /** Closes every idle connection (after one proved dead, the others went with the same database). */
    void evictIdle() {
        synchronized (idle) {
            idle.forEach(i -> quietClose(i.connection()));
            idle.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(i -> quietClose(i.connection()));
            idle.clear();
        }
    }

    private static void quietClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
