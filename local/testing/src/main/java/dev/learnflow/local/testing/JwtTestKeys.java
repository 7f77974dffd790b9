package dev.learnflow.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh RS256 key pair per test run, written as PEM files and wired into smallrye-jwt's sign/verify
 * locations. Keys are never committed; {@link #accessToken} signs one as the gateway would, tests that forge tokens
 * read {@link #keyPair()}.
 */
public class JwtTestKeys implements QuarkusTestResourceLifecycleManager {

    private static KeyPair keyPair;
    private static Path privatePem;
    private static Path publicPem;

    public static synchronized KeyPair keyPair() {
        ensureKeys();
        return keyPair;
    }

    public static synchronized Path publicKeyFile() {
        ensureKeys();
        return publicPem;
    }

    /**
     * An access token as the gateway issues it (RS256; the default issuer and audience; the role as its one group),
     * valid for 15 minutes from now, signed with the test key.
     */
    public static String accessToken(UUID user, String role) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://learnflow.dev\",\"aud\":\"learnflow-api\",\"sub\":\"" + user
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 900) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keyPair().getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Map<String, String> start() {
        ensureKeys();
        return Map.of(
                "smallrye.jwt.sign.key.location", privatePem.toString(),
                "mp.jwt.verify.publickey.location", publicPem.toString());
    }

    @Override
    public void stop() {
    }

    private static synchronized void ensureKeys() {
        if (keyPair != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keyPair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("learnflow-jwt");
            privatePem = dir.resolve("private.pem");
            publicPem = dir.resolve("public.pem");
            Files.writeString(privatePem, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicPem, pem("PUBLIC KEY", keyPair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            privatePem.toFile().deleteOnExit();
            publicPem.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
