package dev.learnflow.debug.domain;

import java.util.List;

/**
 * What the student expects of their program, gathered from the question, the error field and the code.
 *
 * @param code             the program: the request's code, or code found inside the question when that was empty
 * @param codeFromQuestion the code was pasted inside the question text
 * @param cases            the test cases, question and error first, then asserts and doctests
 */
public record Expectations(String code, boolean codeFromQuestion, List<TestCase> cases) {

    public Expectations {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    public boolean any() {
        return !cases.isEmpty();
    }
}
