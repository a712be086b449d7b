package io.slideo.design;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts Slideo ships (Liberation Sans, Serif and Mono, regular and bold, from the
 * openpdf-fonts-extra jar) and nothing else: measuring, HTML, PDF and PPTX all use these files, so
 * text takes the same room everywhere. An unknown family falls back to Liberation Sans.
 */
public final class Fonts {
    public static final String SANS = "Liberation Sans";
    public static final String SERIF = "Liberation Serif";
    public static final String MONO = "Liberation Mono";
    private static final Map<String, String> FILES = Map.of(SANS, "LiberationSans", SERIF, "LiberationSerif", MONO,
            "LiberationMono");
    private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    private Fonts() {
    }

    /** The family Slideo will really use for a requested one. */
    public static String family(String requested) {
        return requested != null && FILES.containsKey(requested) ? requested : SANS;
    }

    public static boolean known(String family) {
        return family != null && FILES.containsKey(family);
    }

    /** Classpath resource of a face, e.g. {@code liberation/LiberationSans-Bold.ttf}. */
    public static String resource(String family, boolean bold) {
        return "liberation/" + FILES.get(family(family)) + (bold ? "-Bold" : "-Regular") + ".ttf";
    }

    /** The TrueType file, to embed in a PDF or an HTML page. */
    public static byte[] bytes(String family, boolean bold) {
        return BYTES.computeIfAbsent(resource(family, bold), Fonts::read);
    }

    /** The face at a size in points, for measuring. */
    public static Font awt(String family, boolean bold, float size) {
        return LOADED.computeIfAbsent(resource(family, bold), r -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes(family, bold)));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("Cannot load font " + r, e);
            }
        }).deriveFont(size);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
