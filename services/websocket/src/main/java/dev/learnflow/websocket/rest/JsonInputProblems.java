package dev.learnflow.websocket.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.learnflow.platform.errors.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus' built-in mapper for {@link MismatchedInputException} (a wrong type, e.g. a malformed UUID) is closer to
 * the exception than platform's JsonProcessingException mapper and answers plain JSON; this hands it back to the
 * platform so it is a problem document like every other error. Remove once platform maps it itself.
 */
public class JsonInputProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return problems.unreadableJson(e);
    }
}
