package io.slideo.slide.service.export;

import java.util.Locale;
import java.util.Map;

/**
 * The structural words the renderers write on or around slides, in the deck's language: the source
 * footer ("Source:", "document 2", "p. 4", its comma and semicolon) and the HTML export's notes heading
 * and slide labels.
 * Unknown languages fall back to English.
 */
record DeckLabels(String source, String sources, String document, String aDocument, String page, String pages,
        String notes, String slide, String notesFor, String comma) {

    private static final DeckLabels ENGLISH = new DeckLabels("Source:", "Sources:", "document %d", "a document",
            "p. %s", "pp. %s", "Notes", "Slide %d", "Speaker notes for slide %d", ", ");
    private static final Map<String, DeckLabels> BY_LANGUAGE = Map.ofEntries(
            Map.entry("en", ENGLISH),
            Map.entry("de", new DeckLabels("Quelle:", "Quellen:", "Dokument %d", "ein Dokument", "S. %s", "S. %s",
                    "Notizen", "Folie %d", "Sprechernotizen zu Folie %d", ", ")),
            Map.entry("fr", new DeckLabels("Source :", "Sources :", "document %d", "un document", "p. %s", "p. %s",
                    "Notes", "Diapositive %d", "Notes de l’orateur, diapositive %d", ", ")),
            Map.entry("es", new DeckLabels("Fuente:", "Fuentes:", "documento %d", "un documento", "p. %s", "pp. %s",
                    "Notas", "Diapositiva %d", "Notas del orador de la diapositiva %d", ", ")),
            Map.entry("it", new DeckLabels("Fonte:", "Fonti:", "documento %d", "un documento", "p. %s", "pp. %s",
                    "Note", "Diapositiva %d", "Note del relatore per la diapositiva %d", ", ")),
            Map.entry("pt", new DeckLabels("Fonte:", "Fontes:", "documento %d", "um documento", "p. %s", "pp. %s",
                    "Notas", "Slide %d", "Notas do orador do slide %d", ", ")),
            Map.entry("nl", new DeckLabels("Bron:", "Bronnen:", "document %d", "een document", "p. %s", "pp. %s",
                    "Notities", "Dia %d", "Sprekersnotities bij dia %d", ", ")),
            Map.entry("ru", new DeckLabels("Источник:", "Источники:", "документ %d", "документ", "с. %s", "с. %s",
                    "Заметки", "Слайд %d", "Заметки докладчика к слайду %d", ", ")),
            Map.entry("ar", new DeckLabels("المصدر:", "المصادر:", "المستند %d", "مستند", "ص. %s", "ص. %s",
                    "ملاحظات", "الشريحة %d", "ملاحظات المتحدث للشريحة %d", "، ")),
            Map.entry("he", new DeckLabels("מקור:", "מקורות:", "מסמך %d", "מסמך", "עמ׳ %s", "עמ׳ %s",
                    "הערות", "שקופית %d", "הערות הדובר לשקופית %d", ", ")),
            Map.entry("ja", new DeckLabels("出典：", "出典：", "資料%d", "資料", "%sページ", "%sページ",
                    "ノート", "スライド %d", "スライド %d の発表者ノート", "、")),
            Map.entry("zh", new DeckLabels("来源：", "来源：", "文档 %d", "文档", "第 %s 页", "第 %s 页",
                    "备注", "幻灯片 %d", "幻灯片 %d 的演讲者备注", "，")),
            Map.entry("ko", new DeckLabels("출처:", "출처:", "문서 %d", "문서", "%s쪽", "%s쪽",
                    "노트", "슬라이드 %d", "슬라이드 %d 발표자 노트", ", ")));

    /** The labels of a language tag ("ja", "pt-BR"), English where Slideo has none. */
    static DeckLabels of(String language) {
        if (language == null || language.isBlank()) {
            return ENGLISH;
        }
        String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return BY_LANGUAGE.getOrDefault(primary, ENGLISH);
    }

    String document(int position) {
        return position > 0 ? String.format(Locale.ROOT, document, position) : aDocument;
    }

    String page(String number) {
        return String.format(Locale.ROOT, page, number);
    }

    String pages(String numbers) {
        return String.format(Locale.ROOT, pages, numbers);
    }

    /** Between the documents of a footer: the language's semicolon. */
    String semicolon() {
        return switch (comma) {
            case "، " -> "؛ ";
            case "、", "，" -> "；";
            default -> "; ";
        };
    }

    String slide(int number) {
        return String.format(Locale.ROOT, slide, number);
    }

    String notesFor(int number) {
        return String.format(Locale.ROOT, notesFor, number);
    }
}
