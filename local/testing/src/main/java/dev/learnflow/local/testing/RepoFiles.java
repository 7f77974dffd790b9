package dev.learnflow.local.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (dapr/config.yaml, dapr/components) from any module's working directory. */
public final class RepoFiles {

    private RepoFiles() {
    }

    public static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate) && Files.exists(dir.resolve("pom.xml"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
