package io.slideo.design;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * A TrueType font reduced to some characters, supplementary-plane ones included (U+20B9F, math
 * italic letters): FontBox's subsetter writes a BMP-only cmap, so the glyphs are kept by id and the
 * subset gets a cmap of its own, format 4 for the BMP and format 12 for every character.
 */
final class FontSubset {

    private FontSubset() {
    }

    static byte[] of(TrueTypeFont font, CmapLookup cmap, Iterable<Integer> codePoints) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(font);
        Map<Integer, Integer> oldGlyphs = new TreeMap<>();
        Set<Integer> glyphIds = new TreeSet<>();
        for (int cp : codePoints) {
            int gid = cmap.getGlyphId(cp);
            if (gid > 0) {
                oldGlyphs.put(cp, gid);
                glyphIds.add(gid);
            }
        }
        subsetter.addGlyphIds(glyphIds);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        Map<Integer, Integer> newByOld = new HashMap<>();
        subsetter.getGIDMap().forEach((newId, oldId) -> newByOld.put(oldId, newId));
        TreeMap<Integer, Integer> glyphs = new TreeMap<>();
        oldGlyphs.forEach((cp, gid) -> glyphs.put(cp, newByOld.get(gid)));
        return replaceTable(out.toByteArray(), "cmap", cmap(glyphs));
    }

    /** cmap with (3,1) format 4 and (3,10) format 12, one segment or group per character. */
    private static byte[] cmap(TreeMap<Integer, Integer> glyphs) {
        Map<Integer, Integer> bmp = glyphs.headMap(0xFFFF);
        int segments = bmp.size() + 1;
        int format4Length = 16 + segments * 8;
        int format12Length = 16 + glyphs.size() * 12;
        ByteBuffer b = ByteBuffer.allocate(4 + 2 * 8 + format4Length + format12Length);
        b.putShort((short) 0).putShort((short) 2);
        b.putShort((short) 3).putShort((short) 1).putInt(4 + 2 * 8);
        b.putShort((short) 3).putShort((short) 10).putInt(4 + 2 * 8 + format4Length);
        int searchRange = 2 * Integer.highestOneBit(segments);
        b.putShort((short) 4).putShort((short) format4Length).putShort((short) 0).putShort((short) (segments * 2))
                .putShort((short) searchRange).putShort((short) (Integer.numberOfTrailingZeros(searchRange) - 1))
                .putShort((short) (segments * 2 - searchRange));
        bmp.keySet().forEach(cp -> b.putShort((short) (int) cp));
        b.putShort((short) 0xFFFF).putShort((short) 0);
        bmp.keySet().forEach(cp -> b.putShort((short) (int) cp));
        b.putShort((short) 0xFFFF);
        bmp.forEach((cp, gid) -> b.putShort((short) ((gid - cp) & 0xFFFF)));
        b.putShort((short) 1);
        for (int i = 0; i < segments; i++) {
            b.putShort((short) 0);
        }
        b.putShort((short) 12).putShort((short) 0).putInt(format12Length).putInt(0).putInt(glyphs.size());
        glyphs.forEach((cp, gid) -> b.putInt(cp).putInt(cp).putInt(gid));
        return b.array();
    }

    /** The sfnt file with one table's bytes replaced: directory, offsets and checksums rewritten. */
    private static byte[] replaceTable(byte[] sfnt, String tag, byte[] table) {
        ByteBuffer in = ByteBuffer.wrap(sfnt);
        int count = in.getShort(4) & 0xFFFF;
        Map<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int record = 12 + 16 * i;
            String name = new String(sfnt, record, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int offset = in.getInt(record + 8);
            int length = in.getInt(record + 4 + 8);
            byte[] bytes = new byte[length];
            System.arraycopy(sfnt, offset, bytes, 0, length);
            tables.put(name, bytes);
        }
        tables.put(tag, table);
        int size = 12 + 16 * tables.size();
        for (byte[] bytes : tables.values()) {
            size += (bytes.length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(sfnt, 0, 12);
        int offset = 12 + 16 * tables.size();
        for (Map.Entry<String, byte[]> entry : tables.entrySet()) {
            out.put(entry.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .putInt(checksum(entry.getValue())).putInt(offset).putInt(entry.getValue().length);
            offset += (entry.getValue().length + 3) & ~3;
        }
        for (byte[] bytes : tables.values()) {
            out.put(bytes);
            out.position((out.position() + 3) & ~3);
        }
        return out.array();
    }

    private static int checksum(byte[] bytes) {
        ByteBuffer padded = ByteBuffer.allocate((bytes.length + 3) & ~3).put(bytes);
        padded.rewind();
        int sum = 0;
        while (padded.hasRemaining()) {
            sum += padded.getInt();
        }
        return sum;
    }
}
