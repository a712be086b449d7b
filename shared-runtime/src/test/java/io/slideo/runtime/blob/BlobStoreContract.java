package io.slideo.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every blob store does, whatever keeps the bytes: each implementation's test extends this, so the
 * services see one behaviour for a missing blob, an overwrite, a refused or broken write, a delete.
 */
abstract class BlobStoreContract {
    /** Spans several S3 parts, so the multipart path is the one tested. */
    static final int SEVERAL_PARTS = 2 * S3BlobStore.PART_SIZE + 12345;

    private final String prefix = "contract/" + UUID.randomUUID();

    abstract BlobStore store();

    /** What a write leaves behind besides blobs (temporary files, unfinished uploads): nothing, after each test. */
    abstract List<String> leftovers() throws IOException;

    @AfterEach
    void everyWriteFinishedOrCleanedUp() throws IOException {
        assertEquals(List.of(), leftovers());
    }

    String key(String name) {
        return prefix + "/" + name;
    }

    /** Every key this test writes starts with it. */
    String keyPrefix() {
        return prefix + "/";
    }

    @Test
    void readsBackWhatWasWrittenAndCountsItsBytes() throws IOException {
        assertEquals(5, store().put(key("small"), text("hello")));
        assertTrue(store().exists(key("small")));
        assertEquals("hello", read(key("small")));
    }

    @Test
    void contentOfSeveralPartsComesBackByteForByte() throws IOException {
        assertEquals(SEVERAL_PARTS, store().put(key("large"), GeneratedContent.of(SEVERAL_PARTS, 7)));
        try (InputStream in = store().open(key("large"))) {
            assertEquals(GeneratedContent.sha256(GeneratedContent.of(SEVERAL_PARTS, 7)), GeneratedContent.sha256(in));
        }
    }

    @Test
    void emptyContentIsABlobToo() throws IOException {
        assertEquals(0, store().put(key("empty"), text("")));
        assertTrue(store().exists(key("empty")));
        assertEquals("", read(key("empty")));
    }

    @Test
    void writingAgainReplacesTheContent() throws IOException {
        store().put(key("doc"), text("first version, the longer one"));
        store().put(key("doc"), text("second"));
        assertEquals("second", read(key("doc")));
    }

    @Test
    void aMissingBlobDoesNotExistAndOpensAsNoSuchFile() {
        assertFalse(store().exists(key("never-written")));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> store().open(key("never-written")));
        assertTrue(missing.getMessage().contains(key("never-written")), missing.getMessage());
    }

    @Test
    void aPrefixOfBlobsIsNotItselfABlob() throws IOException {
        store().put(key("doc/original"), text("x"));
        assertFalse(store().exists(key("doc")));
        assertThrows(NoSuchFileException.class, () -> store().open(key("doc")));
    }

    @Test
    void deleteRemovesTheKeyAndEverythingBelowItButNotItsNeighbours() throws IOException {
        store().put(key("doc-1/original"), text("a"));
        store().put(key("doc-1/vectors/model-x.bin"), text("b"));
        store().put(key("doc-10/original"), text("c"));
        store().delete(key("doc-1"));
        assertFalse(store().exists(key("doc-1/original")));
        assertFalse(store().exists(key("doc-1/vectors/model-x.bin")));
        assertEquals("c", read(key("doc-10/original")));
        store().delete(key("doc-10/original"));
        assertFalse(store().exists(key("doc-10/original")));
    }

    @Test
    void deletingWhatIsNotThereIsFine() throws IOException {
        store().delete(key("nothing-here"));
        assertFalse(store().exists(key("nothing-here")));
    }

    @Test
    void contentOfExactlyTheLimitIsKept() throws IOException {
        assertEquals(5, store().put(key("fits"), text("12345"), 5));
        assertEquals("12345", read(key("fits")));
    }

    @Test
    void contentPastTheLimitIsRefusedKeepingNothingNewAndThePreviousContent() throws IOException {
        store().put(key("limited"), text("old"));
        assertThrows(BlobStore.TooLargeException.class, () -> store().put(key("limited"), text("123456"), 5));
        assertEquals("old", read(key("limited")));
        long limit = S3BlobStore.PART_SIZE + 1;
        assertThrows(BlobStore.TooLargeException.class,
                () -> store().put(key("limited-large"), GeneratedContent.of(SEVERAL_PARTS, 3), limit));
        assertFalse(store().exists(key("limited-large")));
    }

    @Test
    void aWriteThatBreaksOffLeavesNothingBehind() {
        IOException broken = assertThrows(IOException.class,
                () -> store().put(key("broken"), GeneratedContent.failingAfter(SEVERAL_PARTS, 5)));
        assertTrue(broken.getMessage().contains("broke off"), broken.getMessage());
        assertFalse(store().exists(key("broken")));
    }

    @Test
    void aWriteThatBreaksOffKeepsThePreviousContent() throws IOException {
        store().put(key("kept"), text("the good copy"));
        assertThrows(IOException.class, () -> store().put(key("kept"), GeneratedContent.failingAfter(1000, 5)));
        assertThrows(IOException.class, () -> store().put(key("kept"), GeneratedContent.failingAfter(SEVERAL_PARTS, 5)));
        assertEquals("the good copy", read(key("kept")));
    }

    @Test
    void keysThatCouldClimbOutOrAreNotSlideosAreRefused() {
        for (String bad : new String[] {"../escape", "a/../../b", "Upper/case", "/rooted", "a//b", ""}) {
            assertThrows(IllegalArgumentException.class, () -> store().put(bad, text("x")), bad);
            assertThrows(IllegalArgumentException.class, () -> store().open(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> store().exists(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> store().delete(bad), bad);
        }
    }

    String read(String key) throws IOException {
        try (InputStream in = store().open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }
}
