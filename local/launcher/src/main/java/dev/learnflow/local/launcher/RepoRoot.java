package dev.learnflow.local.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository whose packaged services a mesh runs: {@code -Dlearnflow.repo.root}, else found upwards. */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path find() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("learnflow.repo.root");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("").toAbsolutePath());
        for (Path c : candidates) {
            for (Path p = c.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("dapr")) && Files.isDirectory(p.resolve("services"))) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("repository root not found");
    }
}
