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
        long goneStart = ScratchSpace.startedMillis(gone.toHandle());
        Path left = new ScratchSpace(tmp, gone.pid(), goneStart).newFile("extract-", ".bin");
        Files.createDirectories(new ScratchSpace(tmp, gone.pid(), goneStart).newDirectory("parser-").resolve("figures"));
        ScratchSpace living = new ScratchSpace(tmp, ProcessHandle.current().pid(), ScratchSpace.startedMillis(ProcessHandle.current()));
        Path inUse = living.newFile("extract-", ".bin");
        Path notOurs = Files.createDirectories(tmp.resolve("slideo-worker-notes"));

        ScratchSpace starting = new ScratchSpace(tmp, Long.MAX_VALUE - 1, 1);
        int removed = starting.removeOrphans();

        assertEquals(1, removed);
        assertFalse(Files.exists(left.getParent()), "the gone worker's folder is deleted with all inside");
        assertTrue(Files.exists(inUse), "a living worker's copy stays");
        assertTrue(Files.exists(notOurs), "a folder without a process number is not ours");
    }

    @Test
    void aWorkerRestartedWithItsPredecessorsPidDeletesThePredecessorsFolder() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        long started = ScratchSpace.startedMillis(self);
        // A container's worker restarted: the same pid, an earlier start, its folder still on the volume.
        Path predecessors = new ScratchSpace(tmp, self.pid(), started - 120_000).newFile("extract-", ".bin");
        // The same process's start read by another JVM after the clock was stepped: still this living process.
        Path ownReadElsewhere = new ScratchSpace(tmp, self.pid(), started + 2_000).newFile("extract-", ".bin");
        ScratchSpace restarted = new ScratchSpace(tmp, self.pid(), started);
        Path own = restarted.newFile("extract-", ".bin");

        assertEquals(1, restarted.removeOrphans());
        assertFalse(Files.exists(predecessors.getParent()), "the predecessor's folder is deleted");
        assertTrue(Files.exists(own), "its own copy stays");
        assertTrue(Files.exists(ownReadElsewhere), "a start read 2 s apart is the same process");
    }

    @Test
    void eachProcessWritesInItsOwnFolder() throws IOException {
        Path file = new ScratchSpace(tmp, 42, 1_700_000_000_000L).newFile("extract-", ".bin");
        assertEquals(tmp.resolve("slideo-worker-42-1700000000000"), file.getParent());
    }
}
