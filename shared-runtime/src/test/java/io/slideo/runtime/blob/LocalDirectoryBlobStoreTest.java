package io.slideo.runtime.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    private BlobStore store;

    @BeforeEach
    void openStore() throws IOException {
        store = new LocalDirectoryBlobStore(root);
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Override
    List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString)
                    .filter(name -> name.contains(".incoming-")).toList();
        }
    }
}
