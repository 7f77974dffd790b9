package dev.learnflow.gateway.rest;

import dev.learnflow.platform.errors.ApiException;

import java.util.UUID;

/** Path ids arrive as text so a malformed one is a 400 with the parameter's name, not a bare 404. */
final class Ids {

    private Ids() {
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(400, "invalid-id", "Invalid id", name + " must be a UUID");
        }
    }

    static String slug(String name, String value) {
        if (value == null || !value.matches("^[a-z0-9]+(-[a-z0-9]+)*$") || value.length() > 100) {
            throw new ApiException(400, "invalid-id", "Invalid id", name + " must be a lower-case slug");
        }
        return value;
    }
}
