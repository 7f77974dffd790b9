package dev.learnflow.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The gateway signs access tokens with RS256; locally the key pair is generated once under
 * {@code .learnflow/keys} (never in the repository) and handed to the services through
 * {@code LEARNFLOW_JWT_PRIVATE_KEY_LOCATION} (gateway only) and {@code LEARNFLOW_JWT_PUBLIC_KEY_LOCATION} (all).
 */
public final class DevKeys {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final Path privateKey;
    private final Path publicKey;

    private DevKeys(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the pair from {@code dir}, generating it first if missing. */
    public static DevKeys ensure(Path dir) {
        Path priv = dir.resolve(PRIVATE_KEY_FILE);
        Path pub = dir.resolve(PUBLIC_KEY_FILE);
        if (Files.isRegularFile(priv) && Files.isRegularFile(pub)) {
            return new DevKeys(priv, pub);
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            Files.writeString(priv, pem("PRIVATE KEY", kp.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(pub, pem("PUBLIC KEY", kp.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            return new DevKeys(priv, pub);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dev keys in " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path privateKey() {
        return privateKey;
    }

    public Path publicKey() {
        return publicKey;
    }

    /** Environment for one service: every service can verify tokens, only the gateway can sign them. */
    public Map<String, String> envFor(String service) {
        if ("gateway".equals(service)) {
            return Map.of("LEARNFLOW_JWT_PRIVATE_KEY_LOCATION", privateKey.toString(),
                    "LEARNFLOW_JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
        }
        return Map.of("LEARNFLOW_JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
    }

    private static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
