package dev.learnflow.progress;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.ProgressRecorded;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A teacher's class of two, as the class views see it: Ada (Europe/London) passes {@code variables} three times
 * (mastered), Bob (Asia/Tokyo) fails {@code defining-functions} three times; Eve, another teacher's student, passes
 * {@code strings} and must not show up.
 */
record ClassOfTwo(UUID teacher, UUID ada, UUID bob, UUID outsider) {

    /** Creates the users and delivers their attempts, five minutes ago, through {@code deliver}. */
    static ClassOfTwo practised(TestData data, Consumer<CloudEvent<ProgressRecorded>> deliver) {
        UUID teacher = data.teacher();
        ClassOfTwo c = new ClassOfTwo(teacher, data.student("Ada", "Europe/London", teacher),
                data.student("Bob", "Asia/Tokyo", teacher), data.student("Eve", "UTC", data.teacher()));
        Instant t = Instant.now().minusSeconds(300);
        for (int i = 0; i < 3; i++) {
            deliver.accept(Events.attempt(c.ada, "variables", "ex-v" + i, true, t.plusSeconds(i)));
            deliver.accept(Events.attempt(c.bob, "defining-functions", "ex-f", false, t.plusSeconds(10 + i)));
        }
        deliver.accept(Events.attempt(c.outsider, "strings", "ex-s", true, t));
        return c;
    }
}
