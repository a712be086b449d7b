package io.slideo.worker.text;

import java.util.regex.Pattern;

/**
 * A title an editor gives by default, or a file's name, rather than one a person wrote: "Untitled",
 * "Presentation1", "Slide 3", "Sheet1", "Microsoft Word - notes.doc", "report.pdf", "xmp". Extraction
 * looks past it for a real title; planning never shows it as a deck's title.
 */
public final class PlaceholderTitle {
    private static final Pattern PLACEHOLDER = Pattern.compile("(?iu)^("
            + "untitled.*|no title|title|document\\s*\\d*|presentation\\s*\\d*|powerpoint presentation|xmp|"
            + "top of form|bottom of form|microsoft (word|powerpoint|excel) - .*|.*use style.*|"
            // What an editor names a slide, page or sheet by default, in the languages it ships in.
            + "(slide|folie|diapositive|diapositiva|dia|スライド|幻灯片|投影片|슬라이드|sheet|tabelle|feuil|hoja|foglio|planilha|лист|シート|工作表)\\s*\\d+|"
            + ".*\\.(docx?|pptx?|pdf|odt|odp|ods|rtf|txt|tex|dvi|md|html?|epub|xlsx?)|[\\p{Punct}\\d\\s]*)$");

    private PlaceholderTitle() {
    }

    public static boolean is(String title) {
        return title == null || PLACEHOLDER.matcher(TextCleanup.normalize(title)).matches();
    }
}
