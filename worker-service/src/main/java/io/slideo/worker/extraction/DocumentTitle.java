package io.slideo.worker.extraction;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.TextCleanup;

/** A document's title: the declared one if it is real, else the first heading, first short paragraph, or file name. */
final class DocumentTitle {
    private static final Set<String> JUNK_TITLES = Set.of("untitled", "powerpoint presentation", "presentation",
            "document", "document1", "title", "no title", "untitled document");
    // What an editor names a slide or page by default, in the languages it ships in: "Slide 1", "Folie 1", "スライド 1".
    private static final Pattern DEFAULT_NAME = Pattern.compile(
            "(?i)(slide|folie|diapositive|diapositiva|dia|スライド|幻灯片|投影片|슬라이드)\\s*\\d+");
    private static final int TITLE_WORDS = 20;

    private DocumentTitle() {
    }

    static String of(String declaredTitle, List<DocumentPart> parts, String fileName) {
        String declared = clean(declaredTitle);
        if (declared != null) {
            return declared;
        }
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Heading heading && clean(heading.text()) != null) {
                return heading.text();
            }
        }
        for (DocumentPart part : parts) {
            if (part instanceof DocumentPart.Content content && content.kind() == BlockKind.PARAGRAPH) {
                String text = clean(SectionBuilder.toBlock(content).text());
                if (text != null) {
                    return text;
                }
                break;
            }
        }
        if (fileName != null && !fileName.isBlank()) {
            String base = Path.of(fileName).getFileName().toString();
            int dot = base.lastIndexOf('.');
            return (dot > 0 ? base.substring(0, dot) : base).replace('_', ' ').replace('-', ' ').trim();
        }
        return "Untitled document";
    }

    private static String clean(String title) {
        if (title == null) {
            return null;
        }
        String text = TextCleanup.normalize(title);
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.isEmpty() || JUNK_TITLES.contains(lower) || DEFAULT_NAME.matcher(text).matches()
                || lower.startsWith("microsoft word - ") || lower.contains("use style")
                || lower.matches(".*\\.(docx?|pptx?|pdf|odt|rtf|txt|tex|dvi|md)$")
                || TextCleanup.wordCount(text) > TITLE_WORDS) {
            return null;
        }
        return text;
    }
}
