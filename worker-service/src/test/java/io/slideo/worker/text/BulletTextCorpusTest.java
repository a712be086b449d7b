package io.slideo.worker.text;

import io.slideo.worker.CorpusDocuments;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.slideo.model.document.ExtractedDocument;
import io.slideo.worker.config.DefaultConfig;

/**
 * Every sentence of real documents through {@link BulletText#shorten}: a bullet never stops mid-clause, never
 * ends where its sentence did not (no cut at a word count), and keeps every number, negation and condition
 * its sentence states outside brackets.
 */
class BulletTextCorpusTest {
    private static final int LIMIT = DefaultConfig.worker().outline().maxBulletWords();
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*\\]");
    private static final Pattern MUST_KEEP = Pattern.compile(
            "(?i)(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d+)*|not|no|never|without|if|unless|except|provided|or|either|nor)(?![\\p{L}\\d])");
    private static final Pattern ENDS_ON_REFERENCE = Pattern.compile(
            "(?i)\\b(figure|fig\\.|table|section|appendix)\\s+\\d+(\\.\\d+)*$");
    private static final Pattern REFERENCE = Pattern.compile("(?i)\\b(figure|fig\\.|table|section|sec\\.|eq\\.|appendix|chapter)\\s+\\S+");

    @ParameterizedTest
    @ValueSource(strings = { "paper-tracemonkey.pdf", "guidance-parental-involvement.doc",
        "speech-rethinking-financial-network.pdf" })
    void everyBulletEndsWhereAClauseEndsAndKeepsItsNumbersAndNegations(String file) {
        ExtractedDocument document = CorpusDocuments.extract(file);
        List<String> faults = new ArrayList<>();
        int bullets = 0;
        for (String text : CorpusDocuments.texts(document)) {
            for (String sentence : Sentences.split(text)) {
                String bullet = BulletText.shorten(sentence, LIMIT);
                if (bullet.isEmpty()) {
                    continue;
                }
                bullets++;
                String fault = fault(TextCleanup.normalize(sentence), bullet);
                if (fault != null) {
                    faults.add(fault + ": \u00ab" + bullet + "\u00bb from \u00ab" + sentence + "\u00bb");
                }
            }
        }
        assertTrue(bullets > 20, file + " gave only " + bullets + " bullets");
        assertTrue(faults.isEmpty(), faults.size() + " of " + bullets + " bullets are faulty, e.g.\n"
                + String.join("\n", faults.subList(0, Math.min(10, faults.size()))));
    }

    private static String withoutEndMark(String sentence) {
        return sentence.replaceAll("[\\s.;:!?)\\]]+$", "");
    }

    private static String fault(String sentence, String bullet) {
        if (BulletText.endsMidClause(bullet)) {
            return "ends mid-clause";
        }
        if (TextCleanup.wordCount(bullet) > BulletText.longestKept(LIMIT)) {
            return "longer than the limit and its slack";
        }
        String lastWord = bullet.substring(bullet.lastIndexOf(' ') + 1);
        Pattern endsThere = Pattern.compile(Pattern.quote(lastWord) + "\\s*([.,;:!?\u3002)\\]\"\u201d\u2019'\u2013\u2014(\\[]|$)",
                Pattern.CASE_INSENSITIVE);
        if (!endsThere.matcher(sentence).find()) {
            return "cut after \u201c" + lastWord + "\u201d";
        }
        if (ENDS_ON_REFERENCE.matcher(bullet).find() && !ENDS_ON_REFERENCE.matcher(withoutEndMark(sentence)).find()) {
            return "ends pointing at a figure whose description it dropped";
        }
        String outside = REFERENCE.matcher(BRACKETED.matcher(sentence).replaceAll(" ")).replaceAll(" ");
        String kept = " " + bullet.toLowerCase(Locale.ROOT) + " ";
        Matcher mustKeep = MUST_KEEP.matcher(outside);
        while (mustKeep.find()) {
            String word = mustKeep.group(1).toLowerCase(Locale.ROOT);
            if (!Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(word) + "(?![\\p{L}\\d])").matcher(kept).find()) {
                return "lost \u201c" + word + "\u201d";
            }
        }
        return null;
    }
}
