package dev.learnflow.contracts.api;

import dev.learnflow.contracts.validation.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Exchange a refresh token for a new token pair. */
@Schema(description = "Refresh an access token")
public record RefreshRequest(@NotBlank @Size(max = Limits.TOKEN_MAX) String refreshToken) {
}
