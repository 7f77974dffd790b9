package dev.learnflow.exercise.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19: a found topic is looked up once a minute at most; an unknown one every time. */
class TopicCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TopicCache<String> cache = new TopicCache<>(Duration.ofMinutes(1), now::get);
    private final Map<String, String> table = new HashMap<>();
    private final List<String> lookups = new ArrayList<>();

    private Optional<String> get(String id) {
        return cache.get(id, key -> {
            lookups.add(key);
            return Optional.ofNullable(table.get(key));
        });
    }

    @Test
    void aFoundTopicIsServedFromMemoryForAMinuteThenLookedUpAgain() {
        table.put("strings", "Strings");
        assertThat(get("strings")).contains("Strings");
        table.put("strings", "Text");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(get("strings")).contains("Strings");
        assertThat(lookups).containsExactly("strings");

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(get("strings")).contains("Text");
        assertThat(lookups).containsExactly("strings", "strings");
    }

    @Test
    void anUnknownTopicIsNotRememberedSoOneAddedLaterIsFoundAtOnce() {
        assertThat(get("loops")).isEmpty();
        assertThat(get("loops")).isEmpty();
        table.put("loops", "Loops");
        assertThat(get("loops")).contains("Loops");
        assertThat(get("loops")).contains("Loops");
        assertThat(lookups).containsExactly("loops", "loops", "loops");
    }

    @Test
    void aTopicGoneAfterItsMinuteIsForgotten() {
        table.put("lists", "Lists");
        assertThat(get("lists")).contains("Lists");
        table.remove("lists");
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(get("lists")).isEmpty();
        table.put("lists", "Lists again");
        assertThat(get("lists")).contains("Lists again");
        assertThat(lookups).hasSize(3);
    }
}
