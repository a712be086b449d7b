package io.slideo.worker.extraction;

import java.nio.file.Path;
import java.util.List;

import io.slideo.model.document.BlockKind;
import io.slideo.worker.text.PlaceholderTitle;
import io.slideo.worker.text.TextCleanup;

/** A document's title: the declared one if it is real, else the first heading, first short paragraph, or file name. */
final class DocumentTitle {
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
                // A line with a footnote ("Footnote appears here¹") is a statement with its source, not a name.
                String text = PartSequence.FOOTNOTE_MARK.matcher(content.rawText()).find() ? null
                        : clean(SectionBuilder.toBlock(content).text());
                // A title starts as one: "wants a peach" is a line of text, not a document's name.
                if (text != null && !Character.isLowerCase(text.codePointAt(0))) {
                    return text;
                }
                break;
            }
        }
        if (fileName != null && !fileName.isBlank()) {
            String base = Path.of(fileName).getFileName().toString();
            int dot = base.lastIndexOf('.');
            String name = (dot > 0 ? base.substring(0, dot) : base).replace('_', ' ').replace('-', ' ').trim();
            return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
        }
        return "Untitled document";
    }

    private static String clean(String title) {
        if (title == null) {
            return null;
        }
        String text = TextCleanup.normalize(title);
        if (text.isEmpty() || PlaceholderTitle.is(text) || TextCleanup.wordCount(text) > TITLE_WORDS) {
            return null;
        }
        return text;
    }
}
