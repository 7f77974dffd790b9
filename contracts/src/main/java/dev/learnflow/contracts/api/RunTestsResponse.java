package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.TestCaseResult;
import dev.learnflow.contracts.json.Immutables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Service-to-service reply to {@link RunTestsRequest}: one result per test, in request order, unmasked. */
@Schema(description = "Internal: per-test results")
public record RunTestsResponse(List<TestCaseResult> results) {

    public RunTestsResponse {
        results = Immutables.list(results);
    }

    public long passedCount() {
        return results.stream().filter(TestCaseResult::passed).count();
    }
}
