package dev.learnflow.contracts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Tokens issued at login, registration and refresh (OAuth 2 token-response field meanings).
 *
 * @param refreshToken single use: each refresh returns a new one and revokes the old
 * @param expiresIn    access-token lifetime in seconds
 */
@Schema(description = "Access and refresh tokens")
public record TokenResponse(
        String accessToken,
        String refreshToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(example = "900") long expiresIn) {

    public static final String BEARER = "Bearer";

    public static TokenResponse bearer(String accessToken, String refreshToken, long expiresInSeconds) {
        return new TokenResponse(accessToken, refreshToken, BEARER, expiresInSeconds);
    }
}
