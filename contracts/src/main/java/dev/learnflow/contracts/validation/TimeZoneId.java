package dev.learnflow.contracts.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value names a time zone this JVM knows. Streak days close at the student's local midnight, so a zone that
 * merely looks right ({@code Mars/Olympus}) must be refused at registration, not when the reminder fires.
 * Values that do not even have the shape of a zone id are left to {@code @Pattern(regexp = Patterns.TIMEZONE)},
 * so a bad value yields one message, not two.
 */
@Documented
@Constraint(validatedBy = TimeZoneIdValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneId {

    String message() default "must be a known IANA time zone such as Europe/Berlin";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
