package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchSpaceTest {
    @TempDir
    Path tmp;

    @Test
    void aStartingWorkerDeletesWhatAGoneWorkerLeftAndNothingOfALivingOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path left = new ScratchSpace(tmp, gone.pid()).newFile("extract-", ".bin");
        Files.createDirectories(new ScratchSpace(tmp, gone.pid()).newDirectory("parser-").resolve("figures"));
        ScratchSpace living = new ScratchSpace(tmp, ProcessHandle.current().pid());
        Path inUse = living.newFile("extract-", ".bin");
        Path notOurs = Files.createDirectories(tmp.resolve("slideo-worker-notes"));

        ScratchSpace starting = new ScratchSpace(tmp, Long.MAX_VALUE - 1);
        int removed = starting.removeOrphans();

        assertEquals(1, removed);
        assertFalse(Files.exists(left.getParent()), "the gone worker's folder is deleted with all inside");
        assertTrue(Files.exists(inUse), "a living worker's copy stays");
        assertTrue(Files.exists(notOurs), "a folder without a process number is not ours");
    }

    @Test
    void eachProcessWritesInItsOwnFolder() throws IOException {
        Path file = new ScratchSpace(tmp, 42).newFile("extract-", ".bin");
        assertEquals(tmp.resolve("slideo-worker-42"), file.getParent());
    }
}
