package dev.learnflow.triage.service;

import dev.learnflow.platform.text.ClasspathText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Subjects students ask to practise that the course has no topic of its own for ("a recursion challenge", "slicing
 * practice"), with the course topics where each comes up ({@code triage/course-gaps.tsv}). An exercise request naming
 * one is told so and pointed at the nearest topic, instead of being given whatever course topic its words sound
 * closest to (recursion sounded like Variables).
 */
final class CourseGaps {

    /** A subject the course lacks and the course topics nearest to it, nearest first. */
    record Gap(String subject, List<String> nearestTopicIds) {
    }

    private record Entry(Pattern names, Gap gap) {
    }

    static final String RESOURCE = "triage/course-gaps.tsv";
    private static final List<Entry> ENTRIES = load();

    private CourseGaps() {
    }

    /** The first subject the message names that the course has no topic for. */
    static Optional<Gap> of(String message) {
        if (message == null) {
            return Optional.empty();
        }
        return ENTRIES.stream().filter(e -> e.names().matcher(message).find()).map(Entry::gap).findFirst();
    }

    private static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        for (String line : ClasspathText.read(CourseGaps.class, RESOURCE).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            entries.add(new Entry(Pattern.compile("(?<![\\w-])(?:" + parts[0].strip() + ")(?![\\w-])",
                    Pattern.CASE_INSENSITIVE), new Gap(parts[1].strip(), List.of(parts[2].strip().split("\\s*,\\s*")))));
        }
        return List.copyOf(entries);
    }
}
