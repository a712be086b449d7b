package io.slideo.worker.planning;

import java.util.Locale;
import java.util.Map;

/** The few words the offline planner writes itself, in the documents' language where it knows it. */
record Words(String agenda, String takeaways, String overview) {
    private static final Words ENGLISH = new Words("Agenda", "Key takeaways", "Overview");
    private static final Map<String, Words> BY_LANGUAGE = Map.of(
            "de", new Words("Agenda", "Das Wichtigste", "Überblick"),
            "fr", new Words("Au programme", "À retenir", "Vue d'ensemble"),
            "es", new Words("Agenda", "Conclusiones", "Panorama"),
            "it", new Words("Agenda", "Punti chiave", "Panoramica"),
            "pt", new Words("Agenda", "Pontos-chave", "Visão geral"),
            "nl", new Words("Agenda", "Belangrijkste punten", "Overzicht"),
            "ru", new Words("План", "Главное", "Обзор"),
            "ar", new Words("جدول الأعمال", "أهم النقاط", "نظرة عامة"));

    static Words of(String language) {
        return language == null ? ENGLISH : BY_LANGUAGE.getOrDefault(language.toLowerCase(Locale.ROOT), ENGLISH);
    }
}
