package dev.learnflow.contracts;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** The one Bean Validation validator the contract tests share (it holds no resources that need closing per test). */
public final class BeanValidation {

    public static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private BeanValidation() {
    }
}
