package io.slideo.design;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One TrueType font read with FontBox: a .ttf, or one member of a .ttc collection. Answers which
 * characters it has glyphs for and writes subsets of it (TrueType outlines, which every PDF and
 * browser embeds alike).
 */
final class FontFile {
    private final Path path;
    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final boolean collection;
    private Font awt;

    private FontFile(Path path, TrueTypeFont font, boolean collection) throws IOException {
        this.path = path;
        this.font = font;
        this.cmap = font.getUnicodeCmapLookup();
        this.collection = collection;
    }

    static FontFile open(Path path, String member) throws IOException {
        if (member == null) {
            return new FontFile(path, new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(path))), false);
        }
        // The collection stays open: its member reads its tables lazily from it.
        TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
        TrueTypeFont font = collection.getFontByName(member);
        if (font == null) {
            throw new IOException(path + " has no font named " + member);
        }
        return new FontFile(path, font, true);
    }

    synchronized boolean covers(int codePoint) {
        return cmap.getGlyphId(codePoint) > 0;
    }

    synchronized byte[] subset(Iterable<Integer> codePoints) {
        try {
            return FontSubset.of(font, cmap, codePoints);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] whole() {
        if (collection) {
            throw new IllegalStateException(path + " is a collection; only subsets of it can be written");
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized Font awt() {
        if (awt == null) {
            try {
                // A collection's member as AWT sees it: the subset of every glyph it maps is too big, so use
                // the whole collection and pick the member by name.
                if (collection) {
                    for (Font f : Font.createFonts(path.toFile())) {
                        if (f.getFontName().equals(font.getName()) || f.getFamily().equals(font.getName())) {
                            awt = f;
                        }
                    }
                    if (awt == null) {
                        awt = Font.createFonts(path.toFile())[0];
                    }
                } else {
                    awt = Font.createFont(Font.TRUETYPE_FONT, path.toFile());
                }
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("Cannot load font " + path, e);
            }
        }
        return awt;
    }
}
