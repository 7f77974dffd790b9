package dev.learnflow.platform.errors;

import dev.learnflow.contracts.api.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds RFC 7807 responses; every error of every service goes through here so {@code type} URIs stay stable. */
public final class Problems {

    public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    public static final String TYPE_BASE = "https://learnflow.dev/problems/";

    private Problems() {
    }

    public static Response response(int status, String typeSlug, String title, String detail) {
        return response(status, typeSlug, title, detail, List.of(), Map.of());
    }

    public static Response response(int status, String typeSlug, String title, String detail,
                                    List<Problem.FieldError> errors, Map<String, String> headers) {
        Problem body = new Problem(TYPE_BASE + typeSlug, title, status,
                detail == null || detail.isBlank() ? null : detail, null, errors);
        Response.ResponseBuilder builder = Response.status(status).type(PROBLEM_JSON).entity(body);
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The type slug a plain HTTP status maps to, for errors raised by the framework rather than our code. */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }
}
