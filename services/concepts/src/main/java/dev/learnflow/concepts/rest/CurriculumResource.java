package dev.learnflow.concepts.rest;

import dev.learnflow.concepts.client.CurriculumRepository;
import dev.learnflow.concepts.domain.ModuleDetail;
import dev.learnflow.contracts.api.Problem;
import dev.learnflow.contracts.domain.CourseModule;
import dev.learnflow.contracts.validation.Patterns;
import dev.learnflow.platform.errors.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Internal API behind the gateway's {@code GET /api/v1/curriculum/modules[/{moduleId}]}. */
@Path("/internal/curriculum/modules")
@Tag(name = "curriculum", description = "The Python course: modules and topics")
@Produces(MediaType.APPLICATION_JSON)
public class CurriculumResource {

    private final CurriculumRepository curriculum;

    public CurriculumResource(CurriculumRepository curriculum) {
        this.curriculum = curriculum;
    }

    @GET
    @Operation(summary = "The course's modules in teaching order")
    public Uni<List<CourseModule>> modules() {
        return curriculum.modules();
    }

    @GET
    @Path("/{moduleId}")
    @Operation(summary = "One module with its topics")
    @APIResponse(responseCode = "200", description = "The module",
            content = @Content(schema = @Schema(implementation = ModuleDetail.class)))
    @APIResponse(responseCode = "400", description = "Not a module id (lower-case slug)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such module",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModuleDetail> module(@PathParam("moduleId") @Size(max = 64) @Pattern(regexp = Patterns.SLUG)
                                    String moduleId) {
        return curriculum.module(moduleId).flatMap(module -> module
                .map(m -> curriculum.topics(m.id()).map(topics -> ModuleDetail.of(m, topics)))
                .orElseGet(() -> Uni.createFrom().failure(ApiException.notFound("Module " + moduleId))));
    }
}
