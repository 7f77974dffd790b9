package dev.learnflow.platform.guard;

/**
 * What the guard compares a model's text with. The student's code and the exercise's reference solution are only
 * material to compare against: nothing in them (comments such as "ignore your rules") can change the outcome.
 *
 * @param policy            the kind of answer
 * @param studentCode       the program the student sent, or null
 * @param referenceSolution the reference solution of the exercise being solved, or null
 */
public record GuardContext(AnswerPolicy policy, String studentCode, String referenceSolution) {

    public static GuardContext of(AnswerPolicy policy) {
        return new GuardContext(policy, null, null);
    }

    public static GuardContext of(AnswerPolicy policy, String studentCode) {
        return new GuardContext(policy, studentCode, null);
    }
}
