package io.slideo.document.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A ZIP written byte by byte, so a test can make its directory say what no ZIP library would write:
 * sizes near Long.MAX_VALUE, more entries than the end record counts, extra fields that run past
 * their entry. The first entry's content is stored after a real local header, so the file starts as
 * every ZIP does.
 */
final class HandMadeZip {
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final long ALL_ONES = 0xFFFFFFFFL;

    /** One directory entry; {@code extra} is written as is after the name. */
    record Entry(String name, long size, long localHeader, byte[] extra) {
        static Entry stored(String name, long size) {
            return new Entry(name, size, 0, new byte[0]);
        }
    }

    private final String firstContent;
    private final List<Entry> entries = new ArrayList<>();
    private int countInEndRecord = -1;

    HandMadeZip(String firstContent) {
        this.firstContent = firstContent;
    }

    HandMadeZip with(Entry entry) {
        entries.add(entry);
        return this;
    }

    /** The end record claims this many entries, whatever the directory holds. */
    HandMadeZip countingOnly(int count) {
        this.countInEndRecord = count;
        return this;
    }

    /** A ZIP64 extended-information extra field holding the given 64-bit values, as the format lays them out. */
    static byte[] zip64Extra(long... values) {
        ByteBuffer extra = ByteBuffer.allocate(4 + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        extra.putShort((short) 1).putShort((short) (8 * values.length));
        for (long value : values) {
            extra.putLong(value);
        }
        return extra.array();
    }

    Path writeTo(Path file) throws IOException {
        byte[] content = firstContent.getBytes(StandardCharsets.UTF_8);
        byte[] firstName = entries.get(0).name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer zip = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0)
                .putInt(content.length).putInt(content.length).putShort((short) firstName.length).putShort((short) 0)
                .put(firstName).put(content);
        int directoryAt = zip.position();
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            long size = entry.size() > ALL_ONES - 1 ? ALL_ONES : entry.size();
            long local = entry.localHeader() > ALL_ONES - 1 || entry.localHeader() < 0 ? ALL_ONES : entry.localHeader();
            zip.putInt(DIRECTORY_ENTRY).putShort((short) 45).putShort((short) 45).putShort((short) 0).putShort((short) 0)
                    .putInt(0).putInt(0).putInt((int) size).putInt((int) size).putShort((short) name.length)
                    .putShort((short) entry.extra().length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt(0).putInt((int) local).put(name).put(entry.extra());
        }
        int directorySize = zip.position() - directoryAt;
        int count = countInEndRecord >= 0 ? countInEndRecord : entries.size();
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
                .putInt(directorySize).putInt(directoryAt).putShort((short) 0);
        byte[] bytes = new byte[zip.position()];
        zip.flip().get(bytes);
        return Files.write(file, bytes);
    }
}
