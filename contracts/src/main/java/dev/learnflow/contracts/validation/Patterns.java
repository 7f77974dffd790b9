package dev.learnflow.contracts.validation;

/**
 * Regular expressions for identifiers. They are anchored because JSON Schema's {@code pattern} searches while
 * Bean Validation's {@code @Pattern} matches the whole value; anchoring makes both mean the same thing.
 */
public final class Patterns {

    /** Curriculum ids such as {@code python-basics} or {@code for-loops}. */
    public static final String SLUG = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
    /**
     * The shape of an IANA zone id ({@code UTC}, {@code Europe/Berlin}, {@code America/Argentina/Buenos_Aires},
     * {@code Etc/GMT+5}); {@link TimeZoneId} then checks that the zone exists.
     */
    public static final String TIMEZONE = "^[A-Za-z][A-Za-z0-9_+\\-]*(?:/[A-Za-z0-9_+\\-]+){0,2}$";
    /** Roles a person may pick when registering; admins are made by an admin, never self-registered. */
    public static final String SELF_SERVICE_ROLE = "^(?:student|teacher)$";
    /** Only Python is taught; the field exists so the wire format does not change if that ever does. */
    public static final String LANGUAGE = "^python$";

    private Patterns() {
    }
}
