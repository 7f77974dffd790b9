package dev.learnflow.contracts.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.ZoneId;
import java.util.regex.Pattern;

/** Accepts null (use {@code @NotBlank} to require a value) and anything {@code @Pattern} already rejects. */
public class TimeZoneIdValidator implements ConstraintValidator<TimeZoneId, String> {

    private static final Pattern SHAPE = Pattern.compile(Patterns.TIMEZONE);

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return true;
        }
        return ZoneId.getAvailableZoneIds().contains(value);
    }
}
