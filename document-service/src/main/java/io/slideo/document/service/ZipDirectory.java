package io.slideo.document.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A ZIP file's central directory, read without opening the package: the end record from the file's
 * tail, then the directory itself, each refused before it is read when it says it is larger than the
 * caps. Only entry names, sizes and where their data starts are kept; an entry's content is read
 * (and inflated) only on request, and only up to a few bytes.
 */
final class ZipDirectory {
    private static final int END_RECORD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END_RECORD = 0x06064b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final long UNKNOWN = 0xFFFFFFFFL;

    /** What a directory may hold before it is refused unread. */
    record Limits(long maxEntries, long maxDirectoryBytes, long maxUnpackedBytes) {
    }

    /** One entry: its data's compression method, sizes and the offset of its local header. */
    record Entry(int method, long compressedSize, long size, long localHeader) {
    }

    /** Why a ZIP is refused: too big to look at ({@code tooLarge}), or not a readable ZIP at all. */
    static final class Refused extends Exception {
        final boolean tooLarge;

        Refused(boolean tooLarge, String message) {
            super(message, null, false, false);
            this.tooLarge = tooLarge;
        }
    }

    private final FileChannel file;
    private final Map<String, Entry> entries;
    private final long unpackedBytes;

    private ZipDirectory(FileChannel file, Map<String, Entry> entries, long unpackedBytes) {
        this.file = file;
        this.entries = entries;
        this.unpackedBytes = unpackedBytes;
    }

    static ZipDirectory read(FileChannel file, Limits limits) throws IOException, Refused {
        long size = file.size();
        ByteBuffer tail = readAt(file, Math.max(0, size - 22 - MAX_COMMENT), (int) Math.min(size, 22 + MAX_COMMENT));
        int end = lastIndexOf(tail, END_RECORD);
        if (end < 0) {
            throw new Refused(false, "its ZIP directory is missing (a truncated or damaged file)");
        }
        long count = tail.getShort(end + 10) & 0xFFFF;
        long directorySize = tail.getInt(end + 12) & UNKNOWN;
        long directoryAt = tail.getInt(end + 16) & UNKNOWN;
        if (end >= 20 && tail.getInt(end - 20) == ZIP64_LOCATOR) {
            long zip64At = tail.getLong(end - 20 + 8);
            ByteBuffer zip64 = readAt(file, Math.max(0, Math.min(zip64At, size)), 56);
            if (zip64At < 0 || zip64.limit() < 56 || zip64.getInt(0) != ZIP64_END_RECORD) {
                throw new Refused(false, "its ZIP64 directory record is damaged");
            }
            count = zip64.getLong(32);
            directorySize = zip64.getLong(40);
            directoryAt = zip64.getLong(48);
        }
        if (count > limits.maxEntries() || count < 0) {
            throw new Refused(true, "it holds " + count + " files; Slideo reads at most " + limits.maxEntries());
        }
        if (directorySize > limits.maxDirectoryBytes() || directorySize < 0) {
            throw new Refused(true, "its ZIP directory has " + directorySize + " bytes; Slideo reads at most "
                    + limits.maxDirectoryBytes());
        }
        if (directoryAt < 0 || directoryAt + directorySize > size) {
            throw new Refused(false, "its ZIP directory points past the end of the file");
        }
        return parse(file, readAt(file, directoryAt, (int) directorySize), count, limits.maxUnpackedBytes());
    }

    private static ZipDirectory parse(FileChannel file, ByteBuffer directory, long count, long maxUnpacked)
            throws Refused {
        Map<String, Entry> entries = new HashMap<>();
        long unpacked = 0;
        int at = 0;
        for (long i = 0; i < count; i++) {
            if (at + 46 > directory.limit() || directory.getInt(at) != DIRECTORY_ENTRY) {
                throw new Refused(false, "its ZIP directory is damaged");
            }
            int nameLength = directory.getShort(at + 28) & 0xFFFF;
            int extraLength = directory.getShort(at + 30) & 0xFFFF;
            int commentLength = directory.getShort(at + 32) & 0xFFFF;
            if (at + 46 + nameLength + extraLength > directory.limit()) {
                throw new Refused(false, "its ZIP directory is damaged");
            }
            byte[] name = new byte[nameLength];
            directory.get(at + 46, name);
            Entry entry = zip64(directory, at + 46 + nameLength, extraLength, new Entry(directory.getShort(at + 10) & 0xFFFF,
                    directory.getInt(at + 20) & UNKNOWN, directory.getInt(at + 24) & UNKNOWN,
                    directory.getInt(at + 42) & UNKNOWN));
            // Compared before adding: a ZIP64 size near Long.MAX_VALUE would wrap the sum below the cap.
            if (entry.size() < 0 || entry.size() > maxUnpacked - unpacked) {
                throw new Refused(true, "it unpacks to more than " + maxUnpacked + " bytes (a decompression bomb?)");
            }
            unpacked += entry.size();
            entries.putIfAbsent(new String(name, StandardCharsets.UTF_8), entry);
            at += 46 + nameLength + extraLength + commentLength;
        }
        // Entries past the count would go unchecked here, yet a parser reading the directory itself would see them.
        if (at + 4 <= directory.limit() && directory.getInt(at) == DIRECTORY_ENTRY) {
            throw new Refused(false, "its ZIP directory holds more files than its end record counts");
        }
        return new ZipDirectory(file, entries, unpacked);
    }

    /** Sizes and offset a ZIP64 entry keeps in its extra field (those whose 32-bit field is all ones). */
    private static Entry zip64(ByteBuffer directory, int extraAt, int extraLength, Entry entry) throws Refused {
        int at = extraAt;
        while (at + 4 <= extraAt + extraLength) {
            int id = directory.getShort(at) & 0xFFFF;
            int length = directory.getShort(at + 2) & 0xFFFF;
            if (at + 4 + length > extraAt + extraLength) {
                throw new Refused(false, "its ZIP directory is damaged (an extra field runs past its entry)");
            }
            if (id == 0x0001) {
                int field = at + 4;
                long size = entry.size() == UNKNOWN && field + 8 <= at + 4 + length ? directory.getLong(field) : entry.size();
                field += entry.size() == UNKNOWN ? 8 : 0;
                long compressed = entry.compressedSize() == UNKNOWN && field + 8 <= at + 4 + length
                        ? directory.getLong(field) : entry.compressedSize();
                field += entry.compressedSize() == UNKNOWN ? 8 : 0;
                long offset = entry.localHeader() == UNKNOWN && field + 8 <= at + 4 + length ? directory.getLong(field)
                        : entry.localHeader();
                return new Entry(entry.method(), compressed, size, offset);
            }
            at += 4 + length;
        }
        return entry;
    }

    boolean contains(String name) {
        return entries.containsKey(name);
    }

    long unpackedBytes() {
        return unpackedBytes;
    }

    /**
     * The first {@code max} bytes of an entry's content (stored or deflated), or null when there is no
     * such entry or it cannot be read; never more is inflated, whatever the entry claims.
     */
    byte[] head(String name, int max) throws IOException {
        Entry entry = entries.get(name);
        if (entry == null || (entry.method() != 0 && entry.method() != 8) || entry.localHeader() < 0
                || entry.localHeader() >= file.size()) {
            return null;
        }
        ByteBuffer local = readAt(file, entry.localHeader(), 30);
        if (local.limit() < 30 || local.getInt(0) != LOCAL_HEADER) {
            return null;
        }
        long dataAt = entry.localHeader() + 30 + (local.getShort(26) & 0xFFFF) + (local.getShort(28) & 0xFFFF);
        // Deflate output is never much smaller than its input, so this much input holds max bytes of content.
        int read = (int) Math.min(entry.compressedSize(), entry.method() == 0 ? max : max + 1024L);
        ByteBuffer stored = readAt(file, dataAt, Math.max(0, read));
        byte[] data = new byte[stored.remaining()];
        stored.get(data);
        if (entry.method() == 0) {
            return data;
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            // No more room than the entry says it needs: a lie only means less of it is seen.
            byte[] out = new byte[(int) Math.min(max, entry.size())];
            int n = 0;
            while (n < out.length && !inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                n += inflater.inflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static ByteBuffer readAt(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length)).order(ByteOrder.LITTLE_ENDIAN);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = file.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return buffer.flip();
    }

    private static int lastIndexOf(ByteBuffer buffer, int signature) {
        for (int at = buffer.limit() - 22; at >= 0; at--) {
            if (buffer.getInt(at) == signature) {
                return at;
            }
        }
        return -1;
    }
}
