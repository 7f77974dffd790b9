package dev.learnflow.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

class DependencyUnavailableTest {

    /** Named like the Vert.x SQL client's exception for a connection the server dropped. */
    static final class ClosedConnectionException extends RuntimeException {
        ClosedConnectionException() {
            super("Connection is closed");
        }
    }

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreUnavailability() {
        assertTrue(ProblemMappers.dependencyUnavailable(
                new CompletionException(new ConnectException("Connection refused: /127.0.0.1:5432"))));
        assertTrue(ProblemMappers.dependencyUnavailable(new RuntimeException(new ClosedConnectionException())));
        assertTrue(ProblemMappers.dependencyUnavailable(new SQLException("no connection", "08001")));
        assertTrue(ProblemMappers.dependencyUnavailable(
                new IllegalStateException("Acquisition timeout while waiting for new connection")));
        assertTrue(ProblemMappers.dependencyUnavailable(
                new RuntimeException("INTERNAL: failed to save state: dial tcp: connection refused")));
    }

    @Test
    void bugsStayBugs() {
        assertFalse(ProblemMappers.dependencyUnavailable(new NullPointerException()));
        assertFalse(ProblemMappers.dependencyUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.dependencyUnavailable(new IllegalStateException("bad state")));
    }

    @Test
    void unavailabilityIsA503ProblemWithRetryAfterAndNoInternals() {
        Response r = new ProblemMappers().unexpected(new CompletionException(new ConnectException("refused")));
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertFalse(String.valueOf(r.getEntity()).contains("ConnectException"));
        assertEquals(500, new ProblemMappers().unexpected(new NullPointerException()).getStatus());
    }
}
