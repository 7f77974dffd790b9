package dev.learnflow.platform.errors;

/**
 * A failure that should reach the client as an RFC 7807 problem with a stable {@code type}.
 * Throw it from any layer; {@link ProblemMappers} turns it into {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;

    public ApiException(int status, String typeSlug, String title, String detail) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what + " was not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad request", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "service-unavailable", "Service unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }
}
