package dev.learnflow.debug.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Which program an error came from, blind to blank lines and trailing spaces; null when there is no code. */
final class ProgramFingerprint {

    private ProgramFingerprint() {
    }

    static String of(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String normalised = code.lines().map(String::stripTrailing).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
