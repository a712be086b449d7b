package io.slideo.worker.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * This worker process's own folder for temporary files ({@code slideo-worker-<pid>-<start>} in the
 * system's temporary folder, start being when the process started, in epoch milliseconds): the local
 * copies of documents being read and the parser processes' folders. A worker that is killed cannot
 * delete what it left there, so a starting worker deletes the folders of worker processes that no
 * longer run; it never touches a living worker's files. The start time tells a process from an
 * earlier one with the same pid: a restarted container's worker is pid 1 again, and its volume survives.
 */
public final class ScratchSpace {
    static final String PREFIX = "slideo-worker-";
    // How far two readings of one process's start may differ: Java derives it from the boot time, read once per
    // JVM, which moves when the clock is stepped. Taking a living worker for a gone one would delete its files;
    // taking a predecessor started this soon before for a living one only leaves its folder for the next start.
    private static final long SAME_START_MILLIS = 30_000;

    private final Path root;
    private final Path own;

    ScratchSpace(Path root, long pid, long startedMillis) {
        this.root = root;
        this.own = root.resolve(PREFIX + pid + "-" + startedMillis);
    }

    /** This process's scratch space, under java.io.tmpdir. */
    public static ScratchSpace ofThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new ScratchSpace(Path.of(System.getProperty("java.io.tmpdir")), self.pid(), startedMillis(self));
    }

    /** When the process started, as the system tells it (the same every time it is asked); 0 if it does not. */
    static long startedMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    public Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(Files.createDirectories(own), prefix, suffix);
    }

    public Path newDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(own), prefix);
    }

    /** Deletes the scratch folders of worker processes that are gone; returns how many. */
    public int removeOrphans() {
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path folder : folders) {
                if (!folder.equals(own) && Files.isDirectory(folder) && !alive(folder)) {
                    deleteTree(folder);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
        return removed;
    }

    /** Whether the process that made the folder still runs: its pid is alive and started when the name says. */
    private static boolean alive(Path folder) {
        String[] name = folder.getFileName().toString().substring(PREFIX.length()).split("-", -1);
        try {
            long pid = Long.parseLong(name[0]);
            Long started = name.length > 1 ? Long.valueOf(name[1]) : null; // an older worker's folder has no start
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(process -> started == null || started == 0
                            || Math.abs(startedMillis(process) - started) <= SAME_START_MILLIS)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
