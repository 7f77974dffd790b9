package dev.learnflow.debug.domain;

/**
 * What the tutor understood about one error, in plain words. The three hint levels are built from it: level 1
 * points at {@code focus} on the failing line, level 2 says {@code problem}, level 3 says {@code fix} in words.
 *
 * @param explanation what this kind of error means, for a beginner
 * @param focus       what to look at on the failing line (completes "look at ...")
 * @param problem     what is wrong in this program
 * @param fix         how to fix it, described, never the corrected code
 * @param habit       the habit that prevents this error, for students who keep making it
 */
public record Diagnosis(String explanation, String focus, String problem, String fix, String habit) {
}
