package io.slideo.worker.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;

/** Splits prose into sentences and tells which of them carry meaning worth putting on a slide. */
public final class Sentences {
    // Abbreviations ICU's own suppression lists miss, in the forms documents write them (the match is case-sensitive).
    private static final List<String> ABBREVIATIONS = List.of("e.g.", "E.g.", "i.e.", "I.e.", "al.", "cf.", "Cf.", "vs.",
            "Fig.", "fig.", "Figs.", "figs.", "Eq.", "eq.", "Eqs.", "No.", "Nos.", "Vol.", "vol.", "pp.", "p.", "Sec.",
            "sec.", "Ch.", "ch.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "approx.", "Approx.", "Inc.", "Ltd.", "Co.", "St.",
            "Jr.", "Sr.", "resp.", "ca.", "z.B.", "z. B.", "bzw.", "usw.", "ggf.", "d.h.", "S.", "Nr.", "vgl.", "Vgl.",
            "Abb.", "Tab.", "p. ex.", "env.", "M.", "Mme.");
    // A sentence that ends in a lone capital and a full stop ended on an initial ("J. Smith"), not a sentence,
    // unless the capital is a numeral or label ("Title I.", "Part A.") and a sentence plainly opens after it.
    private static final Pattern ENDS_ON_INITIAL = Pattern.compile("(?:^|[\\s(\"'\u201c])\\p{Lu}\\.$");
    private static final Pattern ENDS_ON_NUMERAL = Pattern.compile("(?:^|\\s)[IVX]\\.$");
    private static final Pattern OPENS_SENTENCE = Pattern.compile("^(The|A|An|This|That|These|Those|It|Its|In|On|At|For|If|"
            + "When|We|They|He|She|You|Our|Their|Each|Every|All|Any|No|Some|However|Also|Such|There|Here|What|How|Why)\\b");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i).*(copyright|all rights reserved|\u00a9|permission to make digital|isbn|doi:|https?://|www\\.|@).*");
    private static final Pattern CAPTION = Pattern.compile("(?i)^(figure|fig\\.|table|listing|algorithm)\\s*\\d+.*");
    private static final int MAX_WORDS = 60;
    private static final Map<String, BreakIterator> PROTOTYPES = new ConcurrentHashMap<>();

    private Sentences() {
    }

    /** The sentences of English (or unknown-language) text; see {@link #split(String, String)}. */
    public static List<String> split(String text) {
        return split(text, "en");
    }

    /**
     * The sentences of {@code text} by the rules of the language {@code languageCode} (ISO 639, e.g. "de",
     * "ja"; blank means English): ICU's sentence breaks, which know each script's full stops (。 ！ ？ ؟ ।) and
     * decimals, minus breaks after the language's abbreviations and ours ("e.g.", "et al.", "z.B.") and
     * after initials. The text is normalized first, so a sentence never holds a line break.
     */
    public static List<String> split(String text, String languageCode) {
        String prose = TextCleanup.normalize(text);
        List<String> sentences = new ArrayList<>();
        if (prose.isEmpty()) {
            return sentences;
        }
        BreakIterator breaks = iterator(languageCode);
        breaks.setText(prose);
        StringBuilder pending = new StringBuilder();
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            pending.append(prose, start, end);
            String sentence = pending.toString().trim();
            if (!endsOnInitial(sentence, prose.substring(end)) || end == prose.length()) {
                add(sentences, sentence);
                pending.setLength(0);
            }
        }
        add(sentences, pending.toString());
        return sentences;
    }

    /** A sentence a presenter could say: enough words, mostly letters, not a caption, address or legal notice. */
    public static boolean isMeaningful(String sentence) {
        return isMeaningful(sentence, 4);
    }

    /**
     * As {@link #isMeaningful(String)} with its own floor of words ({@link TextCleanup#wordCount}, which counts
     * CJK text by characters). Code, markup, parser artefacts and fragments (mostly numbers, or a short phrase
     * without a verb) are never meaningful.
     */
    public static boolean isMeaningful(String sentence, int minWords) {
        if (sentence == null) {
            return false;
        }
        int words = TextCleanup.wordCount(sentence);
        if (words < minWords || words > MAX_WORDS) {
            return false;
        }
        if (BOILERPLATE.matcher(sentence).matches() || CAPTION.matcher(sentence).matches()) {
            return false;
        }
        if (NonProse.isCode(sentence) || NonProse.isMarkup(sentence) || NonProse.isParserArtefact(sentence)
                || NonProse.isFragment(sentence)) {
            return false;
        }
        long letters = sentence.chars().filter(Character::isLetter).count();
        long visible = sentence.chars().filter(ch -> !Character.isWhitespace(ch)).count();
        return visible > 0 && letters >= visible * 0.6;
    }

    private static boolean endsOnInitial(String sentence, String rest) {
        if (!ENDS_ON_INITIAL.matcher(sentence).find()) {
            return false;
        }
        return !ENDS_ON_NUMERAL.matcher(sentence).find() && !OPENS_SENTENCE.matcher(rest).find();
    }

    private static BreakIterator iterator(String languageCode) {
        String language = languageCode == null || languageCode.isBlank() ? "en"
                : languageCode.trim().toLowerCase(Locale.ROOT);
        return (BreakIterator) PROTOTYPES.computeIfAbsent(language, Sentences::prototype).clone();
    }

    private static BreakIterator prototype(String language) {
        ULocale locale = new ULocale(language);
        FilteredBreakIteratorBuilder filter = FilteredBreakIteratorBuilder.getInstance(locale);
        ABBREVIATIONS.forEach(filter::suppressBreakAfter);
        return filter.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(locale));
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = sentence.trim();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
