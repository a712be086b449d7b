package io.slideo.worker.extraction;

import java.util.Locale;

import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/** The document's language as an ISO 639-1 code: from its metadata when it says, else from its text. */
final class LanguageGuess {
    static final String UNDETERMINED = "und";
    private static LanguageDetector detector;

    private LanguageGuess() {
    }

    static String of(String declared, String sample) {
        if (declared != null && !declared.isBlank()) {
            String primary = declared.trim().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
            if (primary.matches("[a-z]{2,3}") && !primary.equals("x") && !primary.equals(UNDETERMINED)) {
                return primary;
            }
        }
        if (sample == null || sample.isBlank()) {
            return UNDETERMINED;
        }
        LanguageResult result = detect(sample);
        return result.isUnknown() ? UNDETERMINED : result.getLanguage().split("-")[0];
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
}
