package dev.learnflow.gateway.service;

import dev.learnflow.contracts.api.LoginRequest;
import dev.learnflow.contracts.api.RegisterRequest;
import dev.learnflow.contracts.api.TokenResponse;
import dev.learnflow.contracts.domain.Role;
import dev.learnflow.contracts.domain.User;
import dev.learnflow.gateway.client.UserRepository;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Sign-up, login, token refresh and logout. Blocking (bcrypt, database): call from worker threads. */
@ApplicationScoped
public class AccountService {

    @Inject
    UserRepository users;
    @Inject
    PasswordHasher passwords;
    @Inject
    TokenService tokens;

    public record Registered(User user, TokenResponse tokens) {
    }

    public Registered register(RegisterRequest request) {
        Role role = request.roleOrDefault();
        UUID teacherId = request.teacherId();
        if (teacherId != null) {
            if (role != Role.STUDENT) {
                throw ApiException.badRequest("Only students join a teacher's class");
            }
            User teacher = users.findById(teacherId)
                    .filter(u -> u.role() == Role.TEACHER)
                    .orElseThrow(() -> new ApiException(400, "unknown-teacher", "Unknown teacher",
                            "teacherId does not name a teacher"));
            teacherId = teacher.id();
        }
        try {
            UserRepository.Account account = users.insert(request.email().trim(), passwords.hash(request.password()),
                    request.displayName().trim(), role, request.timezone(), teacherId);
            return new Registered(account.user(), tokens.issue(account.user()));
        } catch (UserRepository.DuplicateEmailException e) {
            throw new ApiException(409, "email-taken", "Email already registered",
                    "An account with this email already exists");
        }
    }

    public TokenResponse login(LoginRequest request) {
        var account = users.findByEmail(request.email().trim());
        if (account.isEmpty()) {
            passwords.decoyCheck(request.password());
            throw invalidCredentials();
        }
        if (!passwords.matches(request.password(), account.get().passwordHash())) {
            throw invalidCredentials();
        }
        return tokens.issue(account.get().user());
    }

    public TokenResponse refresh(String refreshToken) {
        UUID userId = tokens.redeem(refreshToken);
        User user = users.findById(userId).orElseThrow(() -> new ApiException(401, "invalid-refresh-token",
                "Unauthorized", "The account no longer exists"));
        return tokens.issue(user);
    }

    public void logout(String refreshToken) {
        tokens.revoke(refreshToken);
    }

    public User me(UUID userId) {
        return users.findById(userId).orElseThrow(() -> ApiException.notFound("Account"));
    }

    private static ApiException invalidCredentials() {
        return new ApiException(401, "invalid-credentials", "Unauthorized", "Email or password is wrong");
    }
}
