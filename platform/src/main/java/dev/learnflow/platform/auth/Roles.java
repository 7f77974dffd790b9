package dev.learnflow.platform.auth;

/** Role names as they appear in JWT groups and in the identity header. */
public final class Roles {
    public static final String STUDENT = "student";
    public static final String TEACHER = "teacher";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
