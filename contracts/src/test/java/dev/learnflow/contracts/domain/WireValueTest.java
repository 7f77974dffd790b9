package dev.learnflow.contracts.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.AlertAction;
import dev.learnflow.contracts.api.QueryStatus;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.events.Speaker;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.contracts.json.ContractsJson;
import dev.learnflow.contracts.json.WireValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every wire enum is the lower-case snake form of its constant, both ways, through Jackson and JAX-RS. */
class WireValueTest {

    private static final ObjectMapper JSON = ContractsJson.newObjectMapper();

    @ParameterizedTest
    @ValueSource(classes = {Role.class, Difficulty.class, ExerciseSource.class, TestVisibility.class,
            MasteryLevel.class, AlertSeverity.class, AlertStatus.class, StruggleReason.class, ExecutionStatus.class,
            QueryStatus.class, AlertAction.class, ResponseKind.class, Verb.class, ActivityType.class, Speaker.class})
    void wireValueIsTheLowerCaseName(Class<?> type) throws Exception {
        for (Object constant : type.getEnumConstants()) {
            String wire = ((WireValue) constant).value();
            assertThat(wire).isEqualTo(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
            assertThat(JSON.writeValueAsString(constant)).isEqualTo("\"" + wire + "\"");
            assertThat(JSON.readValue("\"" + wire + "\"", type)).isSameAs(constant);
            assertThat(type.getMethod("fromString", String.class).invoke(null, wire)).isSameAs(constant);
        }
    }
}
