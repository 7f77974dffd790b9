package dev.learnflow.platform.json;

import dev.learnflow.contracts.api.AskQuestionRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A test-only endpoint binding a contract record the way every service's endpoints do. */
@Path("/test/strict-binding")
public class StrictBindingEndpoint {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(@Valid AskQuestionRequest request) {
        return request.question();
    }
}
