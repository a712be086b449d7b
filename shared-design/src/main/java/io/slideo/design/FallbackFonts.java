package io.slideo.design;

import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.slideo.design.FallbackFont.Kind;

/**
 * The fonts that draw what Liberation cannot: a chain per script, tried in order for each character
 * (the deck's language decides which CJK font comes first, so Japanese text gets Japanese glyph forms).
 * The files come from Debian packages that the launcher and the images install; they are looked for
 * under {@code /usr/share/fonts} (or the folders in the system property {@code slideo.fonts.dirs}),
 * and a missing one is logged once, by name and package, and skipped, never a crash.
 */
public final class FallbackFonts {
    private static final System.Logger LOG = System.getLogger(FallbackFonts.class.getName());
    private static final List<FallbackFont> CHAIN = List.of(
            new FallbackFont("ja", "IPAGothic", "ipag.ttf", null, Kind.EAST_ASIAN, "fonts-ipafont-gothic"),
            new FallbackFont("zh", "WenQuanYi Zen Hei", "wqy-zenhei.ttc", "WenQuanYiZenHei", Kind.EAST_ASIAN,
                    "fonts-wqy-zenhei"),
            new FallbackFont("ko", "NanumGothic", "NanumGothic.ttf", null, Kind.EAST_ASIAN, "fonts-nanum"),
            new FallbackFont("arabic", "Noto Sans Arabic", "NotoSansArabic-Regular.ttf", null, Kind.COMPLEX,
                    "fonts-noto-core"),
            new FallbackFont("hebrew", "Noto Sans Hebrew", "NotoSansHebrew-Regular.ttf", null, Kind.COMPLEX,
                    "fonts-noto-core"),
            new FallbackFont("devanagari", "Noto Sans Devanagari", "NotoSansDevanagari-Regular.ttf", null,
                    Kind.COMPLEX, "fonts-noto-core"),
            new FallbackFont("thai", "Noto Sans Thai", "NotoSansThai-Regular.ttf", null, Kind.COMPLEX,
                    "fonts-noto-core"),
            new FallbackFont("math", "Noto Sans Math", "NotoSansMath-Regular.ttf", null, Kind.SYMBOL,
                    "fonts-noto-core"),
            new FallbackFont("symbols", "Noto Sans Symbols", "NotoSansSymbols-Regular.ttf", null, Kind.SYMBOL,
                    "fonts-noto-core"),
            new FallbackFont("symbols2", "Noto Sans Symbols 2", "NotoSansSymbols2-Regular.ttf", null, Kind.SYMBOL,
                    "fonts-noto-core"));
    private static final Map<String, Optional<FontFile>> LOADED = new ConcurrentHashMap<>();
    private static volatile Map<String, Path> found;

    private FallbackFonts() {
    }

    /** Every fallback font, in the order tried for a deck in {@code language} ("ja", "zh-TW", null). */
    public static List<FallbackFont> chain(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        List<FallbackFont> ordered = new ArrayList<>(CHAIN);
        ordered.stream().filter(f -> f.key().equals(primary)).findFirst().ifPresent(first -> {
            ordered.remove(first);
            ordered.add(0, first);
        });
        return ordered;
    }

    /** The first fallback font on this machine with a glyph for the character, if any. */
    public static Optional<FallbackFont> covering(int codePoint, String language) {
        for (FallbackFont font : chain(language)) {
            Optional<FontFile> file = file(font);
            if (file.isPresent() && file.get().covers(codePoint)) {
                return Optional.of(font);
            }
        }
        return Optional.empty();
    }

    /** Whether the font is on this machine and has a glyph for the character. */
    public static boolean covers(FallbackFont font, int codePoint) {
        return file(font).map(f -> f.covers(codePoint)).orElse(false);
    }

    /** The font reduced to the given characters (complex-script fonts whole), as TrueType bytes. */
    public static byte[] subset(FallbackFont font, Iterable<Integer> codePoints) {
        FontFile file = file(font).orElseThrow(() -> new IllegalStateException(font.file() + " is not installed"));
        return font.subsettable() ? file.subset(codePoints) : file.whole();
    }

    /** The face at a size in points, for measuring. */
    public static Optional<Font> awt(FallbackFont font, float size) {
        return file(font).map(f -> f.awt().deriveFont(size));
    }

    private static Optional<FontFile> file(FallbackFont font) {
        return LOADED.computeIfAbsent(font.key(), k -> {
            Path path = installed().get(font.file());
            if (path == null) {
                LOG.log(System.Logger.Level.WARNING, "Font " + font.file() + " (" + font.typeface()
                        + ") is not installed: text it would draw falls to the next font or none; install the Debian package "
                        + font.debianPackage());
                return Optional.empty();
            }
            try {
                return Optional.of(FontFile.open(path, font.collectionMember()));
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Font " + path + " cannot be read: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static Map<String, Path> installed() {
        Map<String, Path> files = found;
        if (files == null) {
            files = new LinkedHashMap<>();
            String dirs = System.getProperty("slideo.fonts.dirs", "/usr/share/fonts:/usr/local/share/fonts");
            for (String dir : dirs.split(":")) {
                Path root = Path.of(dir);
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(root)) {
                    Map<String, Path> into = files;
                    walk.filter(Files::isRegularFile).forEach(p -> into.putIfAbsent(p.getFileName().toString(), p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            found = files;
        }
        return files;
    }
}
