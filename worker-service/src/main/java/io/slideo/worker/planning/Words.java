package io.slideo.worker.planning;

import java.util.Locale;
import java.util.Map;

/**
 * The few words the offline planner and writer write themselves, in the deck's language: structural
 * labels never mix English into a German or Japanese deck. English where a language is not known.
 */
public record Words(String agenda, String takeaways, String overview, String presentation, String moreRows) {
    private static final Words ENGLISH = new Words("Agenda", "Key takeaways", "Overview", "Presentation",
            "%d more rows");
    private static final Map<String, Words> BY_LANGUAGE = Map.ofEntries(
            Map.entry("de", new Words("Agenda", "Das Wichtigste", "Überblick", "Präsentation", "%d weitere Zeilen")),
            Map.entry("fr", new Words("Au programme", "À retenir", "Vue d'ensemble", "Présentation",
                    "%d lignes de plus")),
            Map.entry("es", new Words("Agenda", "Conclusiones", "Panorama", "Presentación", "%d filas más")),
            Map.entry("it", new Words("Agenda", "Punti chiave", "Panoramica", "Presentazione", "altre %d righe")),
            Map.entry("pt", new Words("Agenda", "Pontos-chave", "Visão geral", "Apresentação", "mais %d linhas")),
            Map.entry("nl", new Words("Agenda", "Belangrijkste punten", "Overzicht", "Presentatie",
                    "nog %d rijen")),
            Map.entry("pl", new Words("Plan", "Najważniejsze", "Przegląd", "Prezentacja", "%d więcej wierszy")),
            Map.entry("ru", new Words("План", "Главное", "Обзор", "Презентация", "ещё %d строк")),
            Map.entry("uk", new Words("План", "Головне", "Огляд", "Презентація", "ще %d рядків")),
            Map.entry("ar", new Words("جدول الأعمال", "أهم النقاط", "نظرة عامة", "عرض تقديمي", "%d صفوف أخرى")),
            Map.entry("he", new Words("סדר היום", "עיקרי הדברים", "סקירה", "מצגת", "עוד %d שורות")),
            Map.entry("ja", new Words("アジェンダ", "まとめ", "概要", "プレゼンテーション", "ほか%d行")),
            Map.entry("zh", new Words("议程", "要点", "概述", "演示文稿", "另有%d行")),
            Map.entry("ko", new Words("목차", "핵심 요약", "개요", "프레젠테이션", "%d개 행 더 있음")),
            Map.entry("hi", new Words("कार्यसूची", "मुख्य बातें", "अवलोकन", "प्रस्तुति", "%d और पंक्तियाँ")));

    public static Words of(String language) {
        if (language == null) {
            return ENGLISH;
        }
        String primary = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return BY_LANGUAGE.getOrDefault(primary, ENGLISH);
    }

    /** "12 more rows", in the deck's language. */
    public String moreRows(int count) {
        return String.format(Locale.ROOT, moreRows, count);
    }
}
