package dev.learnflow.codeexecution.service;

import dev.learnflow.contracts.api.Problem;

import java.util.List;

/** Test cases that cannot be graded (e.g. an expected value that is not a Python literal): a 400, nothing runs. */
public class InvalidTestsException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidTestsException(List<Problem.FieldError> errors) {
        super("The request has " + errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
