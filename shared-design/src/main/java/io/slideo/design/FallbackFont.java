package io.slideo.design;

/**
 * A font for characters Liberation lacks: its file (a Debian package's, found on the machine), the
 * member of a TrueType collection where the file is one, the typeface name a PPTX declares, and
 * whether it is a complex-script font (Arabic, Hebrew, Indic, Thai), whose shaping needs its layout
 * tables and so its whole file, or a font that is safe to subset to the characters used.
 */
public record FallbackFont(String key, String typeface, String file, String collectionMember, Kind kind,
        String debianPackage) {

    public enum Kind {
        /** Chinese, Japanese, Korean: PPTX's east-asian typeface ({@code a:ea}). */
        EAST_ASIAN,
        /** Right-to-left and shaped scripts: PPTX's complex-script typeface ({@code a:cs}). */
        COMPLEX,
        /** Symbols and math: PPTX's latin typeface slot (there is no other). */
        SYMBOL
    }

    /** The CSS family name; unique, so a browser never picks an installed look-alike. */
    public String cssFamily() {
        return "slideo-" + key;
    }

    /** Complex scripts keep every table (shaping); the others are subset to what a deck uses. */
    public boolean subsettable() {
        return kind != Kind.COMPLEX;
    }
}
