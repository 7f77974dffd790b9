package dev.learnflow.contracts.api;

import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.Role;
import dev.learnflow.contracts.domain.TestCase;
import dev.learnflow.contracts.domain.TestVisibility;
import dev.learnflow.contracts.BeanValidation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad user input is refused field by field, with a message naming what is wrong; good input passes. */
class ApiValidationTest {

    private static final String CODE = "for n in range(3):\n    print(n)\n";
    private static final Validator validator = BeanValidation.VALIDATOR;

    static Stream<Object> validRequests() {
        return Stream.of(
                new RegisterRequest("ada@example.org", "correct horse", "Ada", "student", "Europe/Berlin", null),
                new RegisterRequest("grace@example.org", "s3cret-pass", "Grace", "teacher", "UTC", null),
                new RegisterRequest("alan@example.org", "12345678", "Alan", null,
                        "America/Argentina/Buenos_Aires", UUID.randomUUID()),
                new LoginRequest("ada@example.org", "x"),
                new RefreshRequest("eyJhbGciOi..."),
                new AskQuestionRequest("What is a list comprehension?", null, null, null),
                new AskQuestionRequest("Why?", CODE, "for-loops", UUID.randomUUID()),
                new RunCodeRequest(CODE, null, null),
                new RunCodeRequest(CODE, "3\n", 5_000),
                new ReviewRequest(CODE, null),
                new DebugRequestBody(CODE, "NameError: name 'x' is not defined", 3),
                new DebugRequestBody(CODE, null, null),
                new ExerciseRequest("for-loops", Difficulty.BEGINNER),
                new ExerciseRequest("python-basics", null),
                new ExerciseSubmission(CODE),
                new QuizAnswerRequest(0),
                new AlertActionRequest(AlertAction.MUTE, "Talked to her in class", 48),
                new RunTestsRequest(CODE, List.of(TestCase.io("prints", "", "0\n1\n2", TestVisibility.SHOWN)),
                        2_000, 64));
    }

    @ParameterizedTest
    @MethodSource("validRequests")
    void validRequestPasses(Object request) {
        assertThat(validator.validate(request)).isEmpty();
    }

    static Stream<Arguments> invalidRequests() {
        String longCode = "x".repeat(20_001);
        return Stream.of(
                arguments(new AskQuestionRequest("  ", null, null, null), "question", "must not be blank"),
                arguments(new AskQuestionRequest(null, null, null, null), "question", "must not be blank"),
                arguments(new AskQuestionRequest("q".repeat(2_001), null, null, null), "question",
                        "size must be between 0 and 2000"),
                arguments(new AskQuestionRequest("Why?", longCode, null, null), "code",
                        "size must be between 0 and 20000"),
                arguments(new AskQuestionRequest("Why?", null, "For Loops", null), "topicId", "must match"),
                arguments(new RegisterRequest("not-an-email", "correct horse", "Ada", "student", "UTC", null),
                        "email", "well-formed email address"),
                arguments(new RegisterRequest("ada@example.org", "short", "Ada", "student", "UTC", null),
                        "password", "size must be between 8 and 128"),
                arguments(new RegisterRequest("ada@example.org", "p".repeat(129), "Ada", "student", "UTC", null),
                        "password", "size must be between 8 and 128"),
                arguments(new RegisterRequest("ada@example.org", "correct horse", "", "student", "UTC", null),
                        "displayName", "must not be blank"),
                arguments(new RegisterRequest("ada@example.org", "correct horse", "Ada", "admin", "UTC", null),
                        "role", "must be student or teacher"),
                arguments(new RegisterRequest("ada@example.org", "correct horse", "Ada", "wizard", "UTC", null),
                        "role", "must be student or teacher"),
                arguments(new RegisterRequest("ada@example.org", "correct horse", "Ada", "student", "Mars/Olympus",
                        null), "timezone", "known IANA time zone"),
                arguments(new RegisterRequest("ada@example.org", "correct horse", "Ada", "student", "UTC+2; drop",
                        null), "timezone", "must match"),
                arguments(new LoginRequest("", "pw"), "email", "must not be blank"),
                arguments(new RefreshRequest(" "), "refreshToken", "must not be blank"),
                arguments(new RunCodeRequest(CODE, null, 5_001), "timeoutMs", "less than or equal to 5000"),
                arguments(new RunCodeRequest(CODE, null, 10), "timeoutMs", "greater than or equal to 100"),
                arguments(new RunCodeRequest("", null, null), "code", "must not be blank"),
                arguments(new RunCodeRequest(longCode, null, null), "code", "size must be between 0 and 20000"),
                arguments(new ReviewRequest(longCode, null), "code", "size must be between 0 and 20000"),
                arguments(new DebugRequestBody(CODE, null, 4), "hintLevel", "less than or equal to 3"),
                arguments(new DebugRequestBody(CODE, null, 0), "hintLevel", "greater than or equal to 1"),
                arguments(new DebugRequestBody(CODE, "e".repeat(10_001), 1), "error",
                        "size must be between 0 and 10000"),
                arguments(new ExerciseRequest(null, null), "topicId", "must not be blank"),
                arguments(new ExerciseRequest("loops/../admin", null), "topicId", "must match"),
                arguments(new ExerciseSubmission(" "), "code", "must not be blank"),
                arguments(new QuizAnswerRequest(null), "selectedOption", "must not be null"),
                arguments(new QuizAnswerRequest(-1), "selectedOption", "greater than or equal to 0"),
                arguments(new AlertActionRequest(null, null, null), "action", "must not be null"),
                arguments(new AlertActionRequest(AlertAction.MUTE, "n".repeat(1_001), null), "note",
                        "size must be between 0 and 1000"),
                arguments(new RunTestsRequest(CODE, List.of(), null, null), "tests", "must not be empty"),
                arguments(new RunTestsRequest(CODE, List.of(TestCase.call(" ", "f()", "1", TestVisibility.HIDDEN)),
                        null, null), "tests[0].name", "must not be blank"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequestIsRejectedOnTheOffendingField(Object request, String field, String message) {
        Map<String, List<String>> violations = violationsByField(request);

        assertThat(violations).as("violations of %s", request).containsOnlyKeys(field);
        assertThat(violations.get(field)).hasSize(1).first().asString().contains(message);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        RegisterRequest bad = new RegisterRequest("nope", "short", " ", "admin", "Nowhere/Land", null);

        assertThat(violationsByField(bad)).containsOnlyKeys("email", "password", "displayName", "role", "timezone");
    }

    @Test
    void registrationRoleDefaultsToStudent() {
        assertThat(new RegisterRequest("a@b.org", "12345678", "A", null, "UTC", null).roleOrDefault())
                .isEqualTo(Role.STUDENT);
        assertThat(new RegisterRequest("a@b.org", "12345678", "A", "teacher", "UTC", null).roleOrDefault())
                .isEqualTo(Role.TEACHER);
    }

    private static Map<String, List<String>> violationsByField(Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        return violations.stream().collect(Collectors.groupingBy(v -> v.getPropertyPath().toString(),
                Collectors.mapping(ConstraintViolation::getMessage, Collectors.toList())));
    }
}
