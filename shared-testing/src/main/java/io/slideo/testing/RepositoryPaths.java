package io.slideo.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository, its launcher and the shared document corpus are, seen from a test. */
public final class RepositoryPaths {
    private RepositoryPaths() {
    }

    public static Path root() {
        String configured = System.getProperty("slideo.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("slideo")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the Slideo repository above " + start);
    }

    /** The shared corpus of real documents, beside the repository: {@code ../shared/corpus}. */
    public static Path corpus() {
        String configured = System.getenv("SLIDEO_CORPUS");
        Path corpus = configured != null ? Path.of(configured) : root().resolveSibling("shared").resolve("corpus");
        if (!Files.isDirectory(corpus)) {
            throw new IllegalStateException("No document corpus at " + corpus + " (set SLIDEO_CORPUS)");
        }
        return corpus;
    }

    public static Path corpusFile(String name) {
        return corpus().resolve(name);
    }
}
