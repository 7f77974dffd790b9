package dev.learnflow.gateway.service;

import dev.learnflow.gateway.config.GatewayConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** bcrypt hashing (Modular Crypt Format, so the cost travels with each hash). */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    /** Compared against when the e-mail is unknown, so both paths cost one bcrypt check. */
    private final String decoyHash;

    public PasswordHasher(GatewayConfig config) {
        this.cost = config.bcryptCost();
        this.decoyHash = BcryptUtil.bcryptHash("decoy-password-for-timing", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String storedHash) {
        try {
            return BcryptUtil.matches(password, storedHash);
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Burns the same time as a real check; used when no account matches. */
    public void decoyCheck(String password) {
        matches(password, decoyHash);
    }
}
