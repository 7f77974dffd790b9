package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One check of a student's solution. Two styles, because beginners meet programs before functions: an
 * <em>io</em> test feeds {@code stdin} and compares stdout; a <em>call</em> test evaluates a Python expression
 * against the student's module and compares its value with {@code expected}, a Python literal compared after
 * {@code ast.literal_eval} (so {@code [1, 2]} equals {@code [1,2]}).
 *
 * @param expectedStdout io style: expected output, compared after stripping trailing whitespace per line
 * @param call           call style: expression such as {@code add(2, 3)}
 * @param expected       call style: Python literal the expression must equal, such as {@code 5}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A test case: either stdin/expectedStdout or call/expected")
public record TestCase(
        @NotBlank @Size(max = 200) String name,
        @Size(max = Limits.STDIN_MAX) String stdin,
        @Size(max = Limits.STDIN_MAX) String expectedStdout,
        @Size(max = 2_000) @Schema(example = "add(2, 3)") String call,
        @Size(max = Limits.STDIN_MAX) @Schema(example = "5") String expected,
        @NotNull TestVisibility visibility) {

    /** A stdin/stdout test. */
    public static TestCase io(String name, String stdin, String expectedStdout, TestVisibility visibility) {
        return new TestCase(name, stdin, expectedStdout, null, null, visibility);
    }

    /** A function-call test. */
    public static TestCase call(String name, String call, String expected, TestVisibility visibility) {
        return new TestCase(name, null, null, call, expected, visibility);
    }

    /** True for the call style; the grader dispatches on this. */
    public boolean callStyle() {
        return call != null;
    }
}
