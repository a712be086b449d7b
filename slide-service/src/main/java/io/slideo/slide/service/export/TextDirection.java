package io.slideo.slide.service.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Whether text reads right to left: by its first strong character, else by the deck's language. */
final class TextDirection {
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug");

    private TextDirection() {
    }

    static boolean rightToLeft(List<String> texts, String language) {
        for (String text : texts) {
            Boolean strong = firstStrong(text);
            if (strong != null) {
                return strong;
            }
        }
        return language != null && RTL_LANGUAGES.contains(language.toLowerCase(Locale.ROOT).split("[-_]")[0]);
    }

    /** True for a right-to-left first strong character, false for left-to-right, null for none. */
    private static Boolean firstStrong(String text) {
        for (int i = 0; text != null && i < text.length(); ) {
            int cp = text.codePointAt(i);
            switch (Character.getDirectionality(cp)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                    return true;
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                    return false;
                default:
                    break;
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
