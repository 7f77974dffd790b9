package dev.learnflow.contracts.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards "every field that takes user input is constrained": each text field of every request type has a length
 * bound and each number an upper bound, so a new request type or field cannot slip in unvalidated.
 */
class ApiConstraintCoverageTest {

    @Test
    void everyRequestFieldIsBounded() throws Exception {
        List<Class<?>> requests = requestTypes();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(12);

        List<String> unbounded = new ArrayList<>();
        for (Class<?> type : requests) {
            for (RecordComponent recordComponent : type.getRecordComponents()) {
                // Constraints do not target record components; Java places them on the backing field.
                Field component = type.getDeclaredField(recordComponent.getName());
                Class<?> javaType = component.getType();
                boolean bounded;
                if (javaType == String.class) {
                    bounded = component.isAnnotationPresent(Size.class) || component.isAnnotationPresent(Pattern.class);
                } else if (javaType == Integer.class || javaType == int.class) {
                    bounded = component.isAnnotationPresent(Max.class);
                } else if (List.class.isAssignableFrom(javaType)) {
                    bounded = component.isAnnotationPresent(Size.class);
                } else {
                    bounded = javaType.isEnum() || javaType == java.util.UUID.class
                            || component.isAnnotationPresent(NotNull.class);
                }
                if (!bounded) {
                    unbounded.add(type.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(unbounded).as("request fields without a bound").isEmpty();
    }

    /** Every record in this package whose name says it is input: *Request, *RequestBody, *Submission. */
    private static List<Class<?>> requestTypes() throws IOException, ClassNotFoundException {
        Path dir = Path.of(System.getProperty("basedir", "."), "target/classes/dev/learnflow/contracts/api");
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("[A-Za-z]+(Request|RequestBody|Submission)\\.class")) {
                    Class<?> type = Class.forName("dev.learnflow.contracts.api." + name.replace(".class", ""));
                    if (type.isRecord()) {
                        types.add(type);
                    }
                }
            }
        }
        return types;
    }
}
