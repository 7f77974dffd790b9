package dev.learnflow.debug.domain;

/** One graded hint: 1 = where to look, 2 = what is wrong, 3 = how to fix it (in words). */
public record Hint(int level, String text) {

    public String label() {
        return switch (level) {
            case 1 -> "where to look";
            case 2 -> "what is wrong";
            default -> "how to fix it";
        };
    }
}
