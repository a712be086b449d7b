package io.slideo.worker.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.slideo.design.Box;
import io.slideo.design.SlideFit;
import io.slideo.design.SlideGeometry;
import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.ChartReading;
import io.slideo.model.deck.QualityReport;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.theme.Theme;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.TextCleanup;
import io.slideo.worker.planning.FigurePlacement;
import io.slideo.worker.writing.SlideDraft;

/**
 * Checks every slide before it is delivered, measuring text with the theme's real fonts in the boxes
 * the renderers use (shared-design): the title fits and is not another slide's, bullets are short,
 * unique and sourced, the body fits. A slide that fails is repaired (shortened, trimmed, moved to the
 * notes) and measured again; the report says what was done.
 */
public final class QualityGate {
    public static final String TITLE_FITS = "title fits";
    public static final String TITLE_DISTINCT = "title distinct";
    public static final String BULLETS_SHORT = "bullets short";
    public static final String BULLETS_UNIQUE = "no duplicate bullets";
    public static final String BULLETS_SOURCED = "every bullet sourced";
    public static final String BODY_FITS = "body fits";
    public static final String FIGURE_FITS = "figure fits";

    private static final int MIN_TITLE_WORDS = 3;
    private static final Pattern TRAILING_CLAUSE = Pattern.compile(
            "(?iu),?\\s+(that|which|who|whose|where|because|when|while|although|so that)\\s");
    private static final int TIGHT_WORDS = 10;
    private static final int MIN_TABLE_ROWS = 2;
    private static final int TIGHT_CELL_WORDS = 5;

    private final int maxWords;
    private final double maxFill;

    /** {@code maxFill} below 1 leaves room for the small differences between renderers' line breaking. */
    public QualityGate(int maxWords, double maxFill) {
        this.maxWords = maxWords;
        this.maxFill = maxFill;
    }

    public record Checked(SlideDraft draft, QualityReport report) {
    }

    public Checked check(SlideDraft written, Theme theme, Set<String> otherTitles) {
        List<String> actions = new ArrayList<>();
        Optional<String> unshown = written.layout() == SlideLayout.IMAGE ? FigurePlacement.problem(written.figure())
                : Optional.empty();
        unshown.ifPresent(why -> actions.add("showed the bullets alone: " + why));
        SlideDraft draft = unshown.isPresent() ? written.withLayout(SlideLayout.BULLETS) : written;
        StringBuilder moved = new StringBuilder();
        SlideGeometry.Frame frame = SlideGeometry.frame(draft.layout());

        String title = distinct(draft.title(), otherTitles, actions);
        title = fitTitle(title, theme, frame, actions);
        List<Bullet> first = clean(draft.bullets(), new HashSet<>(), actions, moved);
        List<Bullet> second = clean(draft.secondColumn(), seen(first), actions, moved);
        List<List<String>> table = draft.table();

        double fill;
        switch (draft.layout()) {
            case TWO_COLUMNS -> {
                first = fitBullets(first, theme, frame.body(), frame.bodyScale(), actions, moved);
                second = fitBullets(second, theme, frame.second(), frame.bodyScale(), actions, moved);
                fill = Math.max(bulletFill(first, theme, frame.body(), frame.bodyScale()),
                        bulletFill(second, theme, frame.second(), frame.bodyScale()));
            }
            case TABLE -> {
                table = fitTable(table, theme, frame.body(), actions);
                fill = SlideFit.table(table, theme, frame.body()).fill();
            }
            // Rows that no longer read as a chart are drawn as the table they are.
            case CHART -> fill = ChartReading.of(table).map(c -> SlideFit.chart(c, theme, frame.body()).fill())
                    .orElseGet(() -> SlideFit.table(draft.table(), theme, frame.body()).fill());
            case QUOTE -> {
                first = fitQuote(first, theme, frame, actions, moved);
                fill = first.isEmpty() ? 0 : SlideFit.paragraph(first.get(0).text(), theme, frame.body(),
                        frame.bodyScale(), false).fill();
            }
            default -> {
                first = fitBullets(first, theme, frame.body(), frame.bodyScale(), actions, moved);
                fill = bulletFill(first, theme, frame.body(), frame.bodyScale());
            }
        }
        String notes = moved.isEmpty() ? draft.notes() : (draft.notes() == null ? "" : draft.notes() + " ") + moved.toString().trim();
        SlideDraft checked = draft.with(title, first, second, table, notes);

        List<String> passed = new ArrayList<>();
        if (SlideFit.title(title, theme, frame).fill() <= maxFill || TextCleanup.wordCount(title) <= MIN_TITLE_WORDS) {
            passed.add(TITLE_FITS);
        }
        if (!otherTitles.contains(title.toLowerCase(Locale.ROOT))) {
            passed.add(TITLE_DISTINCT);
        }
        List<Bullet> all = new ArrayList<>(first);
        all.addAll(second);
        if (all.stream().allMatch(b -> TextCleanup.wordCount(b.text()) <= BulletText.longestWhole(maxWords))
                || draft.layout() == SlideLayout.QUOTE) {
            passed.add(BULLETS_SHORT);
        }
        if (all.stream().map(b -> b.text().toLowerCase(Locale.ROOT)).distinct().count() == all.size()) {
            passed.add(BULLETS_UNIQUE);
        }
        if (all.stream().allMatch(b -> b.source() != null)) {
            passed.add(BULLETS_SOURCED);
        }
        if (fill <= maxFill) {
            passed.add(BODY_FITS);
        }
        if (draft.layout() == SlideLayout.IMAGE) {
            passed.add(FIGURE_FITS);
        }
        return new Checked(checked, new QualityReport(passed.size() == (draft.layout() == SlideLayout.IMAGE ? 7 : 6),
                passed, actions, Math.round(fill * 1000) / 1000.0));
    }

    private static String distinct(String title, Set<String> others, List<String> actions) {
        String candidate = title;
        for (int n = 2; others.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = title + " (" + n + ")";
        }
        if (!candidate.equals(title)) {
            actions.add("renamed a title another slide has");
        }
        return candidate;
    }

    private String fitTitle(String title, Theme theme, SlideGeometry.Frame frame, List<String> actions) {
        String fitted = title;
        int words = TextCleanup.wordCount(title);
        // Shortened by rules only (a subtitle, an aside); a title that cannot be is kept whole.
        while (SlideFit.title(fitted, theme, frame).fill() > maxFill && words > MIN_TITLE_WORDS) {
            String shorter = BulletText.asWritten(title, --words);
            if (shorter.isEmpty() || TextCleanup.wordCount(shorter) > words) {
                break;
            }
            fitted = shorter;
        }
        if (SlideFit.title(fitted, theme, frame).fill() > maxFill) {
            fitted = withoutTrailingClause(fitted);
        }
        // A heading too long for any title box (a question, a paper's full title) ends in an ellipsis where it
        // fits: a title says where the slide stands, and the full heading stays in the source line.
        String[] all = fitted.split(" ");
        for (int n = all.length - 1; SlideFit.title(fitted, theme, frame).fill() > maxFill && n >= MIN_TITLE_WORDS; n--) {
            fitted = ellipsis(all, n);
        }
        if (!fitted.equals(title)) {
            actions.add("shortened the title to " + TextCleanup.wordCount(fitted) + " words");
        }
        return fitted;
    }

    /** The first {@code n} words of a title and an ellipsis, never after a dangling word ("of", "the"). */
    private static String ellipsis(String[] words, int n) {
        int end = n;
        String head = String.join(" ", java.util.Arrays.copyOf(words, end));
        while (end > 1 && BulletText.endsMidClause(head)) {
            head = String.join(" ", java.util.Arrays.copyOf(words, --end));
        }
        return head.replaceAll("[\\s,;:\u2013\u2014-]+$", "") + "\u2026";
    }

    /** A title without its trailing relative or subordinate clause ("A long title that goes on" is "A long title"). */
    private static String withoutTrailingClause(String title) {
        Matcher clause = TRAILING_CLAUSE.matcher(title);
        return clause.find() && TextCleanup.wordCount(title.substring(0, clause.start())) >= MIN_TITLE_WORDS
                ? title.substring(0, clause.start()).trim() : title;
    }

    /** Unsourced and repeated bullets go to the notes; long ones are shortened. */
    private List<Bullet> clean(List<Bullet> bullets, Set<String> seen, List<String> actions, StringBuilder moved) {
        List<Bullet> kept = new ArrayList<>();
        List<Bullet> tooLong = new ArrayList<>();
        for (Bullet bullet : bullets) {
            String key = bullet.text().toLowerCase(Locale.ROOT);
            if (bullet.source() == null) {
                actions.add("moved an unsourced point to the notes");
                moved.append(sentence(bullet.text())).append(' ');
            } else if (!seen.add(key)) {
                actions.add("dropped a repeated bullet");
            } else if (TextCleanup.wordCount(bullet.text()) > maxWords) {
                // Shortened by rules that keep its meaning, or, when it cannot be said shorter whole, a note.
                String shorter = BulletText.shorten(bullet.text(), maxWords);
                if (shorter.isEmpty() && TextCleanup.wordCount(bullet.text()) <= BulletText.longestWhole(maxWords)) {
                    kept.add(bullet); // a whole sentence nothing shorter says: kept whole, if the body has room
                } else if (shorter.isEmpty()) {
                    tooLong.add(bullet);
                } else {
                    if (!shorter.equals(bullet.text())) {
                        actions.add("shortened a bullet by rules");
                    }
                    kept.add(new Bullet(shorter, bullet.source()));
                }
            } else {
                kept.add(bullet);
            }
        }
        // Points too long to say whole are notes, unless the slide would be left with nothing: then the shortest stays.
        tooLong.sort(java.util.Comparator.comparingInt(b -> TextCleanup.wordCount(b.text())));
        if (kept.isEmpty() && !tooLong.isEmpty()) {
            kept.add(tooLong.remove(0));
        }
        for (Bullet bullet : tooLong) {
            actions.add("moved a point too long to say whole to the notes");
            moved.append(sentence(bullet.text())).append(' ');
        }
        return kept;
    }

    /** Tighter wording first, then the last bullets move to the notes, until the body fits. */
    private List<Bullet> fitBullets(List<Bullet> bullets, Theme theme, Box box, float scale, List<String> actions,
            StringBuilder moved) {
        List<Bullet> fitted = new ArrayList<>(bullets);
        if (bulletFill(fitted, theme, box, scale) <= maxFill) {
            return fitted;
        }
        // Tighter by rules only: a bullet that cannot be made shorter whole stays as it is.
        if (fitted.stream().anyMatch(b -> TextCleanup.wordCount(b.text()) > TIGHT_WORDS)) {
            fitted.replaceAll(b -> {
                String tighter = BulletText.shorten(b.text(), TIGHT_WORDS);
                return tighter.isEmpty() ? b : new Bullet(tighter, b.source());
            });
            actions.add("shortened bullets to " + TIGHT_WORDS + " words to fit");
        }
        while (fitted.size() > 1 && bulletFill(fitted, theme, box, scale) > maxFill) {
            Bullet last = fitted.remove(fitted.size() - 1);
            moved.append(sentence(last.text())).append(' ');
            actions.add("moved a bullet to the notes to fit");
        }
        return fitted;
    }

    private List<List<String>> fitTable(List<List<String>> table, Theme theme, Box box, List<String> actions) {
        List<List<String>> fitted = new ArrayList<>(table);
        if (SlideFit.table(fitted, theme, box).fill() > maxFill) {
            fitted.replaceAll(row -> row.stream().map(cell -> {
                String shorter = BulletText.shorten(cell, TIGHT_CELL_WORDS);
                return shorter.isEmpty() ? cell : shorter;
            }).toList());
            actions.add("shortened table cells to " + TIGHT_CELL_WORDS + " words to fit");
        }
        while (fitted.size() > MIN_TABLE_ROWS && SlideFit.table(fitted, theme, box).fill() > maxFill) {
            fitted.remove(fitted.size() - 1);
            actions.add("left out a table row to fit");
        }
        return fitted;
    }

    private List<Bullet> fitQuote(List<Bullet> quote, Theme theme, SlideGeometry.Frame frame, List<String> actions,
            StringBuilder moved) {
        if (quote.isEmpty()) {
            return quote;
        }
        Bullet q = quote.get(0);
        int words = TextCleanup.wordCount(q.text());
        String text = q.text();
        while (SlideFit.paragraph(text, theme, frame.body(), frame.bodyScale(), false).fill() > maxFill && words > 8) {
            String shorter = BulletText.shorten(q.text(), words -= 4);
            if (shorter.isEmpty()) {
                break; // a quote is quoted whole or not shortened
            }
            text = shorter;
        }
        if (!text.equals(q.text())) {
            actions.add("shortened the quote to fit");
            moved.append(sentence(q.text())).append(' ');
        }
        return List.of(new Bullet(text, q.source()));
    }

    private static double bulletFill(List<Bullet> bullets, Theme theme, Box box, float scale) {
        return SlideFit.bullets(bullets.stream().map(Bullet::text).toList(), theme, box, scale).fill();
    }

    private static Set<String> seen(List<Bullet> bullets) {
        Set<String> seen = new HashSet<>();
        bullets.forEach(b -> seen.add(b.text().toLowerCase(Locale.ROOT)));
        return seen;
    }

    private static String sentence(String text) {
        String trimmed = text.trim();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
