package io.slideo.slide.service.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;

/** A deck's language comes from its own text, and its footer speaks it. */
class DeckLanguageTest {

    @Test
    void theScriptOrTheFunctionWordsOfTheTextNameTheLanguage() {
        assertEquals("ja", DeckLanguage.of(List.of("漢字とかなの文章")));
        assertEquals("zh", DeckLanguage.of(List.of("季度业绩报告")));
        assertEquals("ko", DeckLanguage.of(List.of("분기별 실적 보고서")));
        assertEquals("ar", DeckLanguage.of(List.of("تقرير الأداء الفصلي")));
        assertEquals("he", DeckLanguage.of(List.of("דוח ביצועים רבעוני")));
        assertEquals("ru", DeckLanguage.of(List.of("Квартальный отчёт")));
        assertEquals("de", DeckLanguage.of(List.of("Die Kosten sind nicht gestiegen und der Umsatz ist gut")));
        assertEquals("fr", DeckLanguage.of(List.of("Les coûts et les ventes pour une année dans le marché")));
        assertEquals("en", DeckLanguage.of(List.of("The costs of the year and the sales")));
        assertEquals("en", DeckLanguage.of(List.of("1234")));
    }

    @Test
    void aGermanDeckCitesPagesAndPlacesInGerman() {
        List<SlideContent> slides = List.of(new SlideContent(0, "Die Kosten im Überblick", SlideLayout.BULLETS,
                List.of(new Bullet("Die Kosten sind nicht gestiegen", new SourceRef(SampleDecks.DOCUMENT, 3)),
                        new Bullet("Der Umsatz ist mit dem Markt gewachsen",
                                new SourceRef(SampleDecks.DOCUMENT, null, "§ 3.2 Risiko, ¶ 4"))),
                List.of(), List.of(), null));

        Composition deck = DeckComposer.compose("Bericht", SampleDecks.PAPER, List.of(SampleDecks.DOCUMENT), slides);
        Composition.Text footer = deck.pages().get(0).shapes().stream().filter(s -> "sources".equals(s.role()))
                .map(Composition.Text.class::cast).findFirst().orElseThrow();
        Composition.Text body = deck.pages().get(0).shapes().stream().filter(s -> "body".equals(s.role()))
                .map(Composition.Text.class::cast).findFirst().orElseThrow();

        assertEquals("de", deck.language());
        assertEquals(List.of("Quellen: Dokument 1, S. 3, § 3.2 Risiko, ¶ 4"), footer.paragraphs());
        assertEquals(List.of("Dokument 1, S. 3", "Dokument 1, § 3.2 Risiko, ¶ 4"), body.hints());
    }
}
