package dev.learnflow.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The readiness probe is polled by several callers at once (launcher, kubelet, sidecar) against a service's small
 * JDBC pool (two connections). Concurrent probes must not starve each other of connections: the schema is found
 * valid and the service becomes ready.
 */
class SchemaProbeUnderLoadTest {

    @Test
    void concurrentProbesOnATwoConnectionPoolStillFindTheSchemaValid() throws Exception {
        try (TestDatabase db = TestDatabase.createMigrated()) {
            TwoConnectionPool pool = new TwoConnectionPool(db.jdbcUrl());
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
            SchemaReadinessCheck check = new SchemaReadinessCheck(flyway);

            ExecutorService callers = Executors.newFixedThreadPool(6);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HealthCheckResponse>> probes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                probes.add(callers.submit(() -> {
                    start.await();
                    return check.call();
                }));
            }
            start.countDown();
            for (Future<HealthCheckResponse> probe : probes) {
                probe.get(30, TimeUnit.SECONDS);
            }
            callers.shutdown();

            assertThat(pool.timedOut).as("a probe waited out the pool's acquisition timeout").isFalse();
            HealthCheckResponse after = check.call();
            assertThat(after.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(after.getData().orElseThrow()).containsEntry("version", "4");
        }
    }

    /** A pool of two connections with an acquisition timeout, like the services' Agroal pool (jdbc.max-size=2). */
    static final class TwoConnectionPool implements DataSource {
        private final String url;
        private final Semaphore permits = new Semaphore(2);
        final AtomicBoolean timedOut = new AtomicBoolean();

        TwoConnectionPool(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                if (!permits.tryAcquire(3, TimeUnit.SECONDS)) {
                    timedOut.set(true);
                    throw new SQLTimeoutException("Sorry, acquisition timeout!");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException(e);
            }
            Connection real = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
            AtomicBoolean released = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && released.compareAndSet(false, true)) {
                            permits.release();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
