package io.slideo.worker.planning;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Section;
import io.slideo.worker.writing.SlideDraft;

/**
 * The deck-quality report's coverage (bench/deck-quality/metrics.cjs {@code coverage()}) of written
 * slides: a top-level heading of the document is covered when a slide title matches it or a bullet's
 * source page lies in its page range. {@code room} is how many of them the deck could cover at most
 * (see {@link #room}), so a 48-section talk in a 10-slide deck is also judged on what fits.
 */
record SectionCoverage(int sections, int covered, int room, List<String> missed) {
    private static final Pattern CONTINUED = Pattern.compile(
            "(?iu)\\s*\\((continued|cont\\.?|cont['’]d|fortsetzung|suite|продолжение|\\d+)\\)\\s*$");

    static SectionCoverage of(ExtractedDocument document, List<SlideDraft> slides) {
        List<Section> headings = document.sections().stream()
                .filter(s -> s.level() > 0 && !normalised(s.title()).isEmpty()).toList();
        int top = headings.stream().mapToInt(Section::level).min().orElse(0);
        List<String> titles = slides.stream().map(s -> normalised(CONTINUED.matcher(s.title()).replaceAll(""))).toList();
        Set<Integer> pages = new HashSet<>();
        List<Bullet> bullets = new ArrayList<>();
        slides.forEach(s -> {
            bullets.addAll(s.bullets());
            bullets.addAll(s.secondColumn());
        });
        bullets.stream().filter(b -> b.source() != null && b.source().page() != null && b.source().page() > 0)
                .forEach(b -> pages.add(b.source().page()));
        int sections = 0;
        int covered = 0;
        List<String> missed = new ArrayList<>();
        for (Section heading : headings) {
            if (heading.level() != top) {
                continue;
            }
            sections++;
            String key = normalised(heading.title());
            boolean titled = titles.stream().anyMatch(t -> t.equals(key) || key.length() > 3 && t.contains(key)
                    || t.length() > 3 && key.contains(t));
            int end = heading.pageEnd() > 0 ? heading.pageEnd() : heading.pageStart();
            boolean cited = heading.pageStart() > 0 && pages.stream().anyMatch(p -> p >= heading.pageStart() && p <= end);
            if (titled || cited) {
                covered++;
            } else {
                missed.add(heading.title());
            }
        }
        // Titles naming several headings, or a page where one section ends and the next begins, can cover more
        // than the bullets alone could: what a deck did cover it had room for.
        return new SectionCoverage(sections, covered, Math.min(sections, Math.max(covered, room(slides))), missed);
    }

    /**
     * How many sections the deck's bullets could cite at most: its spoken slides (all but the title and
     * the agenda) times the most bullets one of them shows.
     */
    static int room(List<SlideDraft> slides) {
        List<SlideDraft> spoken = slides.stream()
                .filter(s -> s.layout() != SlideLayout.TITLE && s.layout() != SlideLayout.AGENDA).toList();
        // A slide of a table or a chart, without bullets, covers what its title names.
        int most = Math.max(1, spoken.stream().mapToInt(s -> s.bullets().size() + s.secondColumn().size()).max().orElse(0));
        return spoken.size() * most;
    }

    /** metrics.cjs's normalise(): lower case, without leading numbering and without punctuation. */
    static String normalised(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").trim()
                .toLowerCase(Locale.ROOT);
        s = s.replaceFirst("^(chapter|section|part|kapitel|chapitre|глава)\\s+[\\divxlc]+\\b[.:]?\\s*", "")
                .replaceFirst("^(\\d+(\\.\\d+)*|[ivxlc]+|[a-z](-\\d+)?)[.):]\\s+", "")
                .replaceFirst("^\\d+(\\.\\d+)*\\s+", "");
        return s.replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").trim();
    }

    double share() {
        return sections == 0 ? 1 : covered / (double) sections;
    }

    @Override
    public String toString() {
        return covered + "/" + sections + " (of room " + room + ")";
    }
}
