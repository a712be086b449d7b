package io.slideo.worker.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.slideo.worker.retrieval.SentenceVectors;
import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.Passage;
import io.slideo.worker.text.TextCleanup;

/**
 * Chooses what a slide says: from each of its groups in turn, the most central sentences first (their
 * TextRank score), each made a bullet by rules that keep its meaning (a sentence that cannot be made
 * short enough whole is passed over, never cut); nothing said twice or nearly twice in the deck, in
 * the same words or (with sentence vectors) in other words. Of two points on one slide that say the
 * same thing, the shorter stays. The points come back in reading order, each with the passage it
 * came from.
 */
final class PointPicker {
    // Fewer short points than this and a part says its long sentences whole.
    private static final int MIN_POINTS = 2;
    /** A slide joining parts says a point of each, up to this many (the writer's most bullets on a slide). */
    static final int JOINED_MOST = 6;
    private static final Comparator<Point> READING_ORDER = Comparator.comparingInt((Point p) -> p.passage().section())
            .thenComparingInt(p -> p.passage().block());
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "(?iu)^(see|cf\\.)\\s|\\b(see|in|shown in|listed in)\\s+(figure|fig\\.|table|section|chapter|appendix)\\s+\\d");

    private final int perSlide;
    private final int maxWords;
    private final Map<String, Double> centrality;
    private final SentenceVectors meaning;

    record Point(String text, Passage passage) {
    }

    PointPicker(int perSlide, int maxWords, Map<String, Double> centrality) {
        this(perSlide, maxWords, centrality, SentenceVectors.none());
    }

    PointPicker(int perSlide, int maxWords, Map<String, Double> centrality, SentenceVectors meaning) {
        this.perSlide = perSlide;
        this.maxWords = maxWords;
        this.centrality = centrality;
        this.meaning = meaning;
    }

    /**
     * Up to {@code perSlide} points of the topic not said yet ({@code said} gains them). A part whose
     * sentences are all too long to make short bullets whole (legal prose) says its shortest whole
     * sentences instead, up to {@link BulletText#longestWhole}: longer bullets, never cut ones.
     */
    List<Point> pick(Topic topic, Said said) {
        List<Point> points = pick(topic, said, maxWords);
        if (points.size() < MIN_POINTS) {
            pick(topic, said, BulletText.longestWhole(maxWords)).stream().limit(perSlide - points.size())
                    .forEach(points::add);
            points.sort(READING_ORDER);
        }
        return points;
    }

    private List<Point> pick(Topic topic, Said said, int words) {
        List<List<Passage>> groups = partsFirst(topic).stream().map(this::centralFirst).toList();
        List<Point> points = new ArrayList<>();
        int[] next = new int[groups.size()];
        boolean progress = true;
        // A slide joining parts says a point of each, within the words of a slide of its own points.
        int most = Math.min(JOINED_MOST, Math.max(perSlide, topic.parts()));
        int budget = perSlide * maxWords;
        int spent = 0;
        // Round-robin over the groups, so a slide speaks of each of its subsections (of each joined part first).
        while (points.size() < most && progress) {
            progress = false;
            for (int g = 0; g < groups.size() && points.size() < most; g++) {
                List<Passage> group = groups.get(g);
                while (next[g] < group.size()) {
                    Passage passage = group.get(next[g]++);
                    String point = bullet(passage.text(), words);
                    int cost = TextCleanup.wordCount(point) + labelWords(topic, passage);
                    if (!point.isEmpty() && spent + cost <= budget && said.add(point, meaning, points, passage)) {
                        spent += cost;
                        progress = true;
                        break;
                    }
                }
            }
        }
        points.sort(READING_ORDER);
        return points;
    }

    /** The words of the heading a point of a joined part leads with on the slide (see OutlineDrafter). */
    private static int labelWords(Topic topic, Passage passage) {
        int words = topic.parts() > 1 ? TextCleanup.wordCount(SlideTitles.heading(topic.partOf(passage))) : 0;
        return words <= OutlineDrafter.PART_LABEL_WORDS ? words : 0;
    }

    /** The topic's groups with each joined part's first group ahead of the rest, otherwise in order. */
    private static List<List<Passage>> partsFirst(Topic topic) {
        List<List<Passage>> first = new ArrayList<>();
        List<List<Passage>> rest = new ArrayList<>();
        for (int g = 0; g < topic.groups().size(); g++) {
            boolean opensPart = g == 0 || !topic.partHeadings().get(g).equals(topic.partHeadings().get(g - 1));
            (opensPart ? first : rest).add(topic.groups().get(g));
        }
        first.addAll(rest);
        return first;
    }

    /** The sentence as a bullet of at most {@code words} words, or empty when it cannot be one whole. */
    private String bullet(String sentence, int words) {
        if (REFERENCE.matcher(sentence).find()) {
            return ""; // "See Figure 6": a pointer into the document, not a point
        }
        String point = BulletText.shorten(sentence, words);
        if (TextCleanup.wordCount(point) < 3 || BulletText.endsMidClause(point)) {
            return "";
        }
        return point;
    }

    private List<Passage> centralFirst(List<Passage> group) {
        if (centrality.isEmpty()) {
            return group;
        }
        List<Passage> ordered = new ArrayList<>(group);
        // Stable: sentences the graph did not rank keep their reading order, after the ranked ones.
        ordered.sort(Comparator.comparingDouble((Passage p) -> -centrality.getOrDefault(p.text(), 0.0)));
        return ordered;
    }

    /**
     * What the deck has said, by normalised text, by words and by meaning, to tell repeats and
     * near-repeats.
     */
    static final class Said {
        /**
         * Cosine of all-MiniLM-L6-v2 vectors above which two points say the same thing. Measured on the
         * bullet-sized sentences of seven corpus documents (NearDuplicateStudy): at 0.92 and above the
         * pairs restate one point ("The statute defines parental involvement as…" / "The term ‘parental
         * involvement’ means…"); just below, most are two points on one subject ("must involve parents
         * in the planning…" / "must provide to parents… information").
         */
        static final double SAME_MEANING = 0.92;

        private final Set<String> texts = new java.util.HashSet<>();
        private final List<Set<String>> words = new ArrayList<>();
        private final List<Said.Meant> meant = new ArrayList<>();

        // "If the employer issued…" and "If the employer did not issue…" are close in meaning, and opposite.
        private static final java.util.regex.Pattern NEGATION = java.util.regex.Pattern.compile(
                "(?iu)\\b(not|no|never|none|nor|without)\\b|n't\\b|n\u2019t\\b");

        private record Meant(String point, Set<String> numbers, boolean negated, float[] vector) {
        }

        /** False when the point (or one sharing most of its words) was said; else remembers it. */
        boolean add(String point) {
            String key = key(point);
            Set<String> own = words(point);
            if (texts.contains(key) || words.stream().anyMatch(w -> sameThing(w, own))) {
                return false;
            }
            texts.add(key);
            if (!own.isEmpty()) {
                words.add(own);
            }
            return true;
        }

        /**
         * Adds the point of {@code passage} to {@code points} unless the deck has said it, in its words or
         * in others; a point that says in fewer words what another point of the same slide says takes its
         * place. True when {@code points} gained a point.
         */
        boolean add(String point, SentenceVectors meaning, List<Point> points, Passage passage) {
            if (texts.contains(key(point)) || words.stream().anyMatch(w -> sameThing(w, words(point)))) {
                return false;
            }
            // The whole sentence, as measured: a bullet shortened by a parenthesis means less than it did.
            float[] vector = meaning.of(passage.text()).orElse(null);
            Set<String> numbers = numbers(words(point));
            boolean negated = NEGATION.matcher(point).find();
            Meant twin = vector == null ? null : meant.stream().filter(m -> m.numbers().equals(numbers)
                    && m.negated() == negated && SentenceVectors.similarity(m.vector(), vector) >= SAME_MEANING)
                    .findFirst().orElse(null);
            if (twin == null) {
                add(point);
                if (vector != null) {
                    meant.add(new Meant(point, numbers, negated, vector));
                }
                points.add(new Point(point, passage));
                return true;
            }
            int onSlide = indexOf(points, twin.point());
            if (onSlide >= 0 && TextCleanup.wordCount(point) < TextCleanup.wordCount(twin.point())) {
                add(point); // the longer one stays said, so neither comes back
                meant.set(meant.indexOf(twin), new Meant(point, numbers, negated, vector));
                points.set(onSlide, new Point(point, passage));
            }
            return false;
        }

        private static int indexOf(List<Point> points, String text) {
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i).text().equals(text)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Whether two texts say the same thing: the same numbers, and at most one word in ten (one at
         * least) said by only one of them. "Engines matter" and "Brakes matter" are different points.
         */
        private static boolean sameThing(Set<String> a, Set<String> b) {
            if (a.isEmpty() || b.isEmpty() || !numbers(a).equals(numbers(b))) {
                return false;
            }
            long onlyA = a.stream().filter(w -> !b.contains(w)).count();
            long onlyB = b.stream().filter(w -> !a.contains(w)).count();
            return onlyA + onlyB <= Math.max(1, Math.max(a.size(), b.size()) / 10);
        }

        private static Set<String> numbers(Set<String> words) {
            return words.stream().filter(w -> w.chars().anyMatch(Character::isDigit)).collect(java.util.stream.Collectors.toSet());
        }

        /** Content words and every number, however short ("3" and "4" machines are different facts). */
        private static Set<String> words(String point) {
            Set<String> words = new java.util.LinkedHashSet<>(Passage.words(point));
            for (String token : point.split("[^\\p{N}.,]+")) {
                if (token.chars().anyMatch(Character::isDigit)) {
                    words.add(token.replaceAll("[.,]+$", ""));
                }
            }
            return words;
        }

        static String key(String point) {
            return TextCleanup.normalize(point).toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s\\p{P}]+$", "");
        }
    }
}
