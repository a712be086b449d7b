package io.slideo.slide.service.export;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * Right-to-left text for openhtmltopdf, with ICU4J: the Unicode bidi algorithm splits a paragraph into
 * runs of one direction, right-to-left runs are reversed (with mirrored brackets) and Arabic letters are
 * shaped into their joining forms, which the PDF draws from the font's presentation-form glyphs. What
 * openhtmltopdf's own rtl-support module does; that module's last release (1.1.31) trails the 1.1.65
 * renderer this project uses.
 */
final class IcuBidi implements BidiSplitterFactory, BidiReorderer {
    private static final int SHAPE = ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
            | ArabicShaping.TEXT_DIRECTION_LOGICAL;
    private static final int UNSHAPE = ArabicShaping.LETTERS_UNSHAPE | ArabicShaping.LENGTH_GROW_SHRINK
            | ArabicShaping.TEXT_DIRECTION_LOGICAL;

    @Override
    public BidiSplitter createBidiSplitter() {
        return new Splitter();
    }

    @Override
    public String reorderRTLTextToLTR(String text) {
        return Bidi.writeReverse(text, Bidi.DO_MIRRORING | Bidi.KEEP_BASE_COMBINING);
    }

    @Override
    public String shapeText(String text) {
        return shape(text, SHAPE);
    }

    @Override
    public String deshapeText(String text) {
        return shape(text, UNSHAPE);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    private static String shape(String text, int options) {
        try {
            return new ArabicShaping(options).shape(text);
        } catch (ArabicShapingException e) {
            return text; // not Arabic that ICU can shape: drawn as written, never dropped
        }
    }

    private static final class Splitter implements BidiSplitter {
        private final Bidi bidi = new Bidi();

        @Override
        public void setParagraph(String paragraph, byte direction) {
            byte level = direction == RTL ? Bidi.RTL : direction == LTR ? Bidi.LTR : Bidi.LEVEL_DEFAULT_LTR;
            bidi.setPara(paragraph, level, null);
        }

        @Override
        public int countTextRuns() {
            return bidi.countRuns();
        }

        @Override
        public BidiTextRun getVisualRun(int index) {
            BidiRun run = bidi.getVisualRun(index);
            return new BidiTextRun(run.getStart(), run.getLength(), run.isOddRun() ? RTL : LTR);
        }

        @Override
        public byte getBaseDirection(String paragraph) {
            byte direction = Bidi.getBaseDirection(paragraph);
            return direction == Bidi.RTL ? RTL : direction == Bidi.LTR ? LTR : NEUTRAL;
        }
    }
}
