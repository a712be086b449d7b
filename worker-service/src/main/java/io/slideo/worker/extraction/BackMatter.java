package io.slideo.worker.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.slideo.model.document.BlockKind;

/**
 * Leaves out what a reader skips and a slide must never show: a contents list (its section, or lines
 * such as "Chapter 1 ....... 5"), a References or Bibliography section and citation-like entries,
 * and at the back of a book its notes and index. Headings without a letter ("(3)") are not titles.
 * One pass over the parts.
 */
final class BackMatter {
    private static final Pattern CONTENTS = Pattern.compile("(?iu)(table of )?contents|inhalt|inhaltsverzeichnis"
            + "|sommaire|table des mati[eè]res|[íi]ndice|contenidos?|содержание|оглавление|المحتويات|תוכן העניינים|目次|目录|目錄");
    private static final Pattern REFERENCES = Pattern.compile("(?iu)references?( cited)?|bibliography|works cited"
            + "|literature( cited)?|literatur(verzeichnis)?|bibliographie|r[ée]f[ée]rences( bibliographiques)?"
            + "|referencias|bibliograf[íi]a|further reading|список литературы|литература|参考文献");
    // Only at the back of a document: elsewhere a section called "Notes" may be content.
    private static final Pattern BACK_ONLY = Pattern.compile("(?iu)notes|endnotes|anmerkungen|index|register|索引");
    private static final Pattern NUMBERING = Pattern.compile("^([0-9]+(\\.[0-9]+)*|[IVXLC]+|[A-Z])[.)]?\\s+");
    // "Introduction ........ 5", "3.2 Scope\t12", "Chapter One … xiii": a title led to its page number.
    private static final Pattern CONTENTS_LINE_END = Pattern.compile(
            "(?iu)(?:[.·…_]{4,}|…|\\t)\\s*(\\d{1,4}|[ivxlc]{1,7})\\s*$");
    // "[12] A. Gal, ... 2008." or "12. Pogue, D., “Title,” New York Times, 2000": an entry of a reference list.
    private static final Pattern CITATION_START = Pattern.compile("\\s*(\\[\\d{1,3}]|\\d{1,3}\\.)\\s+\\p{Lu}");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]|20)\\d\\d\\b");
    // "Dainton, M. and Zelley, E.D., 2011, Applying ...": an author-first entry.
    private static final Pattern AUTHOR_ENTRY = Pattern.compile(
            "\\s*\\p{Lu}[\\p{L}'’-]+,\\s+\\p{Lu}\\.(\\s*\\p{Lu}\\.)*(,|\\s+and\\s|\\s*&|(?i:\\s+et\\.? al))");
    private static final Pattern CITATION_MARK = Pattern.compile("[“”\"]|\\bet al\\.|\\bpp?\\. ?\\d|\\bvol\\.|\\bdoi\\b|\\bProc\\.|\\bIn:");
    private static final double BACK_SHARE = 2.0 / 3;
    // Longer lines are prose (and would make the patterns above slow).
    private static final int MAX_LISTING_LENGTH = 400;
    private static final int MAX_TITLE_LENGTH = 40;

    private BackMatter() {
    }

    static List<DocumentPart> strip(List<DocumentPart> parts) {
        List<DocumentPart> kept = new ArrayList<>(parts.size());
        int droppingBelow = 0; // while > 0: inside a left-out section, until a heading at this level or above
        for (int i = 0; i < parts.size(); i++) {
            DocumentPart part = parts.get(i);
            if (part instanceof DocumentPart.Heading heading) {
                if (droppingBelow > 0 && heading.level() > droppingBelow) {
                    continue;
                }
                droppingBelow = 0;
                if (leftOut(heading.text(), i >= parts.size() * BACK_SHARE)) {
                    droppingBelow = Math.max(1, heading.level());
                } else if (heading.text().codePoints().anyMatch(Character::isLetter)
                        && !contentsLine(heading.text())) {
                    kept.add(heading);
                }
            } else if (droppingBelow == 0 && part instanceof DocumentPart.Content content) {
                DocumentPart.Content cleaned = withoutListings(content);
                if (cleaned != null) {
                    kept.add(cleaned);
                }
            }
        }
        return kept;
    }

    private static boolean leftOut(String title, boolean atTheBack) {
        String bare = NUMBERING.matcher(title.strip()).replaceFirst("").replaceAll("[:.]+$", "").strip();
        String lower = bare.toLowerCase(Locale.ROOT);
        return CONTENTS.matcher(lower).matches() || REFERENCES.matcher(lower).matches()
                || atTheBack && BACK_ONLY.matcher(lower).matches();
    }

    /** The content without contents-list lines and citation entries; null when nothing is left. */
    private static DocumentPart.Content withoutListings(DocumentPart.Content content) {
        if (content.kind() != BlockKind.PARAGRAPH && content.kind() != BlockKind.LIST) {
            return content;
        }
        String first = content.rawText().strip();
        if (first.length() <= MAX_TITLE_LENGTH
                && CONTENTS.matcher(first.toLowerCase(Locale.ROOT).replaceAll("[:.]+$", "")).matches()) {
            return null; // a "Table of Contents" line standing alone
        }
        if (content.kind() == BlockKind.LIST) {
            List<String> items = content.items().stream().filter(item -> !listing(item)).toList();
            return items.isEmpty() ? null : items.size() == content.items().size() ? content
                    : new DocumentPart.Content(BlockKind.LIST, String.join("\n", items), content.page(), items, List.of());
        }
        List<String> lines = content.rawText().lines().toList();
        List<String> keptLines = lines.stream().filter(line -> !listing(line)).toList();
        if (keptLines.size() == lines.size()) {
            return content;
        }
        if (keptLines.stream().allMatch(String::isBlank)) {
            return null;
        }
        return new DocumentPart.Content(content.kind(), String.join("\n", keptLines), content.page(), List.of(),
                List.of());
    }

    static boolean listing(String line) {
        if (line.length() > MAX_LISTING_LENGTH) {
            return false;
        }
        // Each pattern is anchored at one end of the line, so a line costs one scan, not a search.
        return contentsLine(line)
                || CITATION_START.matcher(line).lookingAt() && YEAR.matcher(line).find() && CITATION_MARK.matcher(line).find()
                || AUTHOR_ENTRY.matcher(line).lookingAt();
    }

    private static boolean contentsLine(String line) {
        if (line.indexOf('.') < 0 && line.indexOf('…') < 0 && line.indexOf('\t') < 0 && line.indexOf('_') < 0
                && line.indexOf('·') < 0) {
            return false;
        }
        Matcher end = CONTENTS_LINE_END.matcher(line);
        return end.find() && line.substring(0, end.start()).codePoints().anyMatch(Character::isLetter);
    }
}
