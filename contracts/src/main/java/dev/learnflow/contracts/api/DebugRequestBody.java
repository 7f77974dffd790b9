package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Ask for help with failing code. Hints are graded so students are nudged before being told: level 1 points at
 * the area, 2 names the problem, 3 shows the fix.
 *
 * @param error     the traceback or error message; when absent the debug service runs the code to get one
 * @param hintLevel 1..3, default 1
 * @param question   the student's own words, e.g. "fib(5) returns 8 but should be 5": what they expected is part
 *                   of the diagnosis
 * @param exerciseId the exercise the code is for, if any: its tests tell what the code should do
 */
@Schema(description = "Request debugging help")
public record DebugRequestBody(
        @NotBlank @Size(max = Limits.CODE_MAX) String code,
        @Size(max = Limits.ERROR_MAX)
        @Schema(example = "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n"
                + "NameError: name 'totl' is not defined")
        String error,
        @Min(Limits.HINT_LEVEL_MIN) @Max(Limits.HINT_LEVEL_MAX) @Schema(defaultValue = "1") Integer hintLevel,
        @Size(max = Limits.QUESTION_MAX)
        @Schema(example = "fibonacci(5) returns 8 but the tests expect 5")
        String question,
        UUID exerciseId) {

    public DebugRequestBody(String code, String error, Integer hintLevel) {
        this(code, error, hintLevel, null, null);
    }

    public int hintLevelOrDefault() {
        return hintLevel == null ? Limits.HINT_LEVEL_MIN : hintLevel;
    }
}
