package dev.learnflow.local.testing;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

import static org.hamcrest.Matchers.equalTo;

/** What a test expects of an RFC 7807 answer: its status, the problem media type and the stable problem type. */
public final class ProblemResponse {

    /** The base of every problem {@code type} the services answer with. */
    public static final String TYPE_BASE = "https://learnflow.dev/problems/";

    private ProblemResponse() {
    }

    /** {@code status}, {@code application/problem+json} and the type {@code TYPE_BASE + typeSlug}. */
    public static ResponseSpecification problem(int status, String typeSlug) {
        return new ResponseSpecBuilder().expectStatusCode(status).expectContentType("application/problem+json")
                .expectBody("type", equalTo(TYPE_BASE + typeSlug)).build();
    }
}
