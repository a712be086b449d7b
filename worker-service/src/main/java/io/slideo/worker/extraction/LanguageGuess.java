package io.slideo.worker.extraction;

import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * The document's language as an ISO 639-1 code, from its text only: metadata is often a template's
 * placeholder ("x-none", "xmp", the author's machine). The writing system decides first, since
 * n-gram profiles confuse short CJK samples with unrelated languages; Latin and Cyrillic text go to
 * the Optimaize detector.
 */
final class LanguageGuess {
    static final String UNDETERMINED = "und";
    // A script decides when it holds at least this share of the sample's letters.
    private static final double SCRIPT_SHARE = 0.3;
    private static LanguageDetector detector;

    private LanguageGuess() {
    }

    static String of(String sample) {
        if (sample == null || sample.isBlank()) {
            return UNDETERMINED;
        }
        String byScript = byScript(sample);
        if (byScript != null) {
            return byScript;
        }
        LanguageResult result = detect(sample);
        return result.isUnknown() ? UNDETERMINED : result.getLanguage().split("-")[0];
    }

    /** The language a writing system names on its own, or null when the detector must decide. */
    static String byScript(String sample) {
        ScriptCounts counts = ScriptCounts.of(sample);
        if (counts.letters == 0) {
            return null;
        }
        if (counts.kana > 0 && counts.kana + counts.han >= counts.letters * SCRIPT_SHARE) {
            return "ja";
        }
        if (counts.hangul >= counts.letters * SCRIPT_SHARE) {
            return "ko";
        }
        if (counts.han >= counts.letters * SCRIPT_SHARE) {
            return "zh";
        }
        if (counts.arabic >= counts.letters * SCRIPT_SHARE) {
            // Letters Arabic does not use: Urdu's retroflexes and heh goal, Persian's pe, che, zhe, gaf.
            if (counts.urdu > 0) {
                return "ur";
            }
            return counts.persian > 0 ? "fa" : "ar";
        }
        if (counts.hebrew >= counts.letters * SCRIPT_SHARE) {
            return "he";
        }
        if (counts.thai >= counts.letters * SCRIPT_SHARE) {
            return "th";
        }
        if (counts.devanagari >= counts.letters * SCRIPT_SHARE) {
            return "hi";
        }
        return null;
    }

    // The profiles take a while to load and the detector keeps text between calls: one, used in turn.
    private static synchronized LanguageResult detect(String sample) {
        if (detector == null) {
            detector = new OptimaizeLangDetector().loadModels();
        }
        detector.reset();
        detector.addText(sample);
        return detector.detect();
    }

    /** Letters of the sample by writing system. */
    private static final class ScriptCounts {
        private int letters;
        private int kana;
        private int han;
        private int hangul;
        private int arabic;
        private int persian;
        private int urdu;
        private int hebrew;
        private int thai;
        private int devanagari;

        static ScriptCounts of(String sample) {
            ScriptCounts counts = new ScriptCounts();
            sample.codePoints().filter(Character::isLetter).forEach(counts::add);
            return counts;
        }

        private void add(int codePoint) {
            letters++;
            switch (Character.UnicodeScript.of(codePoint)) {
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case HANGUL -> hangul++;
                case ARABIC -> {
                    arabic++;
                    if (codePoint == 0x067E || codePoint == 0x0686 || codePoint == 0x0698 || codePoint == 0x06AF) {
                        persian++;
                    } else if (codePoint == 0x0679 || codePoint == 0x0688 || codePoint == 0x0691 || codePoint == 0x06BA
                            || codePoint == 0x06C1 || codePoint == 0x06D2) {
                        urdu++;
                    }
                }
                case HEBREW -> hebrew++;
                case THAI -> thai++;
                case DEVANAGARI -> devanagari++;
                default -> {
                }
            }
        }
    }
}
