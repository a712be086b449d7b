package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.PlaceholderTitle;
import io.slideo.worker.text.Sentences;
import io.slideo.worker.text.TextCleanup;

/**
 * What frames the content slides: the deck's title (what the deck is about), the title slide, the
 * agenda and the takeaways, with their labels in the deck's language.
 */
final class DeckFrame {
    private static final int TAKEAWAYS = 4;
    // Titles that name a file or a template, not what a document is about.

    private final String language;
    private final Words words;

    DeckFrame(List<ExtractedDocument> documents) {
        this.language = documents.isEmpty() ? "en" : documents.get(0).language();
        this.words = Words.of(language);
    }

    Words words() {
        return words;
    }

    /**
     * What the deck is about: the document's own title when one document has a real one, else the
     * user's request made a title (its first sentence, without end punctuation), else the first title.
     */
    String title(String description, List<ExtractedDocument> documents) {
        List<String> titles = documents.stream().map(ExtractedDocument::title).filter(DeckFrame::meaningful)
                .map(t -> BulletText.asWritten(t, SlideTitles.TITLE_WORDS)).filter(t -> !t.isEmpty()).toList();
        if (documents.size() == 1 && titles.size() == 1) {
            return titles.get(0);
        }
        if (description != null && !description.isBlank()) {
            List<String> sentences = Sentences.split(description);
            String request = sentences.isEmpty() ? "" : BulletText.asWritten(sentences.get(0), SlideTitles.TITLE_WORDS);
            if (!request.isEmpty() && TextCleanup.wordCount(request) <= SlideTitles.TITLE_WORDS) {
                return request.substring(0, 1).toUpperCase(Locale.ROOT) + request.substring(1);
            }
        }
        return titles.isEmpty() ? words.presentation() : titles.get(0);
    }

    static boolean meaningful(String title) {
        return title != null && !title.isBlank() && !PlaceholderTitle.is(title)
                && title.codePoints().anyMatch(Character::isLetter);
    }

    /** The title slide: the deck's title over the names of its documents (those that are not the title). */
    PlannedSlide titleSlide(String title, List<ExtractedDocument> documents, int maxWords) {
        List<String> points = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        for (ExtractedDocument document : documents) {
            String name = meaningful(document.title()) ? BulletText.asWritten(document.title(), maxWords) : "";
            if (!name.isEmpty() && !name.equalsIgnoreCase(title) && !points.contains(name)) {
                points.add(name);
            }
            sources.add(new SourceRef(document.documentId(), 1));
        }
        return new PlannedSlide(0, title, SlideLayout.TITLE, points, sources);
    }

    /** What the deck will cover: the titles of its content slides, each traced to its first source. */
    PlannedSlide agenda(List<PlannedSlide> content) {
        List<String> points = content.stream().map(PlannedSlide::title).toList();
        List<SourceRef> sources = content.stream().map(s -> s.sources().get(0)).toList();
        return new PlannedSlide(0, words.agenda(), SlideLayout.AGENDA, points, sources);
    }

    /**
     * The takeaways, in complete sentences: for up to four content slides spread over the deck, the
     * most central sentence of its part that no slide says yet, whole.
     */
    PlannedSlide closing(List<PlannedSlide> content, List<Topic> topics, PointPicker picker, PointPicker.Said said) {
        List<String> points = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        List<Integer> order = new ArrayList<>(spread(content.size(), TAKEAWAYS));
        IntStream.range(0, content.size()).filter(i -> !order.contains(i)).forEach(order::add);
        for (int i : order) {
            if (points.size() >= TAKEAWAYS) {
                break;
            }
            for (PointPicker.Point point : picker.pick(topics.get(i), said)) {
                points.add(asSentence(point.text()));
                sources.add(point.passage().source());
                break;
            }
        }
        return new PlannedSlide(0, words.takeaways(), SlideLayout.CLOSING, points, sources);
    }

    /** {@code count} indexes out of {@code size}, first and last included, evenly apart. */
    static List<Integer> spread(int size, int count) {
        if (size <= count) {
            return IntStream.range(0, size).boxed().toList();
        }
        Set<Integer> picked = new LinkedHashSet<>();
        for (int k = 0; k < count; k++) {
            picked.add((int) Math.round(k * (size - 1) / (double) (count - 1)));
        }
        return List.copyOf(picked);
    }

    /** A point as the sentence it is: end punctuation in the script's own form. */
    private String asSentence(String point) {
        String text = point.trim();
        if (text.isEmpty() || ".!?\u3002\uff01\uff1f\u061f".indexOf(text.charAt(text.length() - 1)) >= 0) {
            return text;
        }
        boolean cjk = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
        return text + (cjk ? "\u3002" : ".");
    }
}
