package io.slideo.slide.service.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.fontbox.ttf.CmapLookup;

/** The HTML export read back: its embedded @font-face fonts and each text frame's family list and text. */
final class HtmlFonts {
    private static final Pattern FACE = Pattern.compile(
            "@font-face \\{ font-family: ([\\w-]+);[^}]*?src: url\\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\\)");
    private static final Pattern FRAME = Pattern.compile(
            "<div class=\"(?:frame|decoration glyph-box)[^\"]*\"[^>]*?font-family: ([^;]+);[^>]*>(.*?)</div>\\n",
            Pattern.DOTALL);

    record Frame(List<String> families, String text) {
    }

    private HtmlFonts() {
    }

    static Map<String, List<CmapLookup>> faces(String html) {
        Map<String, List<CmapLookup>> faces = new HashMap<>();
        Matcher m = FACE.matcher(html);
        while (m.find()) {
            faces.computeIfAbsent(m.group(1), f -> new ArrayList<>()).add(Glyphs.cmap(Base64.getDecoder().decode(m.group(2))));
        }
        return faces;
    }

    static List<Frame> frames(String html) {
        List<Frame> frames = new ArrayList<>();
        Matcher m = FRAME.matcher(html);
        while (m.find()) {
            List<String> families = Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
            String text = m.group(2).replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
            frames.add(new Frame(families, text));
        }
        return frames;
    }
}
