package dev.learnflow.platform.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.learnflow.contracts.api.Problem;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps every exception a service can raise to {@code application/problem+json}. Stack traces are logged, never sent.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return Problems.response(e.status(), e.typeSlug(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return Problems.response(400, "validation", "Invalid request",
                "The request has " + errors.size() + " invalid field(s)", errors, Map.of());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        List<Problem.FieldError> errors = List.of();
        String detail = "The request body is not valid JSON";
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "'";
            errors = List.of(new Problem.FieldError(jsonPath(u), "is not a known field"));
        } else if (e instanceof InvalidFormatException f) {
            detail = "A field has a value of the wrong type or format";
            errors = List.of(new Problem.FieldError(jsonPath(f), "has an invalid value"));
        } else if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            detail = "A field has a value of the wrong type";
            errors = List.of(new Problem.FieldError(jsonPath(m), "has the wrong type"));
        }
        return Problems.response(400, "malformed-json", "Malformed request body", detail, errors, Map.of());
    }

    /**
     * Quarkus has its own mapper for this subtype (a wrong type, e.g. a malformed UUID), closer to the exception than
     * {@link #unreadableJson} and answering plain JSON; naming the type here makes it a problem document too.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /**
     * Quarkus maps this to an empty 500. While reading a request body it means the client's JSON could not be
     * bound (e.g. a record's field given twice): the client's problem. Anywhere else it stays a bug.
     */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e) {
        if (e.getProcessor() instanceof JsonParser) {
            return Problems.response(400, "malformed-json", "Malformed request body",
                    "The request body does not match the expected shape", List.of(), Map.of());
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.warn("Request failed with a framework error", e);
        }
        String detail = status >= 500 ? null : e.getMessage();
        Response problem = Problems.response(status, Problems.slugFor(status),
                Response.Status.fromStatusCode(status) != null
                        ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error",
                detail);
        // Keep protocol headers such as Allow or Retry-After that the framework set.
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> problem.getHeaders().add(name, v));
            }
        });
        return problem;
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (dependencyUnavailable(e)) {
            // A database or peer that is down is not a bug here: tell the client to come back, without internals.
            LOG.warnf("A dependency is unavailable: %s", e.toString());
            return Problems.response(503, "dependency-unavailable", "Service unavailable",
                    "A service this request needs is unavailable; retry shortly", List.of(),
                    Map.of("Retry-After", "5"));
        }
        // The client gets a stable problem without internals; the log keeps the stack trace.
        LOG.error("Unhandled error", e);
        return Problems.response(500, "internal-error", "Internal error",
                "The server could not complete the request");
    }

    /**
     * Connection failures to a database or peer, anywhere in the cause chain. Matched by class name as well, so
     * the platform needs no dependency on each client library (Vert.x SQL client, Agroal, Netty).
     */
    static boolean dependencyUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            String name = t.getClass().getSimpleName();
            if (name.equals("ClosedConnectionException") || name.equals("ConnectTimeoutException")
                    || name.equals("PoolClosedException")) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            // Agroal: "Acquisition timeout…"; a sidecar relaying its store's "connection refused"; SQLSTATE 08xxx.
            if (message.startsWith("Acquisition timeout") || message.toLowerCase().contains("connection refused") || t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // Method-parameter paths look like "ask.body.question": the client only knows "question".
        String last = null;
        StringBuilder afterBody = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER
                    || node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE) {
                last = node.getName();
                afterBody.setLength(0);
                continue;
            }
            if (!afterBody.isEmpty()) {
                afterBody.append('.');
            }
            afterBody.append(node.getName());
            if (node.getIndex() != null) {
                afterBody.append('[').append(node.getIndex()).append(']');
            }
        }
        if (!afterBody.isEmpty()) {
            return afterBody.toString();
        }
        return last != null ? last : "request";
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
