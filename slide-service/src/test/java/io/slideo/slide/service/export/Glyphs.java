package io.slideo.slide.service.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import io.slideo.design.FallbackFont;
import io.slideo.design.FallbackFonts;
import io.slideo.design.Fonts;

/** Which font files have a glyph for a character: the checks of the script tests, read from the files. */
final class Glyphs {

    private Glyphs() {
    }

    /** The cmap of a TrueType file, e.g. an HTML export's embedded @font-face subset. */
    static CmapLookup cmap(byte[] ttf) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
            return font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the typeface a PPTX run declares (one Slideo ships or installs) has the character. */
    static boolean typefaceHas(String typeface, int codePoint) {
        if (typeface == null) {
            return false;
        }
        if (Fonts.known(typeface)) {
            return cmap(Fonts.bytes(typeface, false)).getGlyphId(codePoint) > 0;
        }
        Optional<FallbackFont> font = FallbackFonts.chain(null).stream().filter(f -> f.typeface().equals(typeface))
                .findFirst();
        return font.isPresent() && FallbackFonts.covers(font.get(), codePoint);
    }

    /** The characters of a text that a font must draw: all but whitespace. */
    static List<Integer> visible(String text) {
        List<Integer> out = new ArrayList<>();
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(out::add);
        return out;
    }

    static String hex(int codePoint) {
        return "U+" + Integer.toHexString(codePoint).toUpperCase() + " '" + Character.toString(codePoint) + "'";
    }
}
