package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void anyKanaAmongHanIsJapanese() {
        assertEquals("ja", LanguageGuess.of("Single byte 複数の文字 カタカナ ﾊﾝｶｸ 表十ソ"));
        assertEquals("zh", LanguageGuess.of("中华人民共和国是世界上人口最多的国家之一"));
    }

    @Test
    void eachScriptOfItsOwnNamesItsLanguage() {
        assertEquals("ko", LanguageGuess.of("대한민국은 동아시아에 있는 나라이다"));
        assertEquals("ar", LanguageGuess.of("لجنة حقوق الطفل التعليق العام بشأن إعمال حقوق الطفل"));
        assertEquals("fa", LanguageGuess.of("زبان فارسی یکی از زبان‌های هندواروپایی است که در ایران گفتگو می‌شود"));
        assertEquals("ur", LanguageGuess.of("اردو پاکستان کی قومی زبان ہے اور یہ بہت بولی جاتی ہے"));
        assertEquals("he", LanguageGuess.of("עברית היא שפה שמית ממשפחת השפות האפרו-אסיאתיות"));
        assertEquals("th", LanguageGuess.of("ภาษาไทยเป็นภาษาราชการของประเทศไทย"));
        assertEquals("hi", LanguageGuess.of("हिन्दी भारत की सबसे अधिक बोली जाने वाली भाषा है"));
    }

    @Test
    void latinAndCyrillicTextGoToTheDetector() {
        assertNull(LanguageGuess.byScript("Аренда квартир в Москве"));
        assertEquals("ru", LanguageGuess.of("Аренда квартир, снять квартиру, аренда офисов в Москве. Коммерческая недвижимость."));
        assertEquals("de", LanguageGuess.of("Was sollte ich vor dem Kauf von Elektronikprodukten bedenken? Wie sind die Arbeitsbedingungen im Herstellerland?"));
    }

    @Test
    void noTextIsUndetermined() {
        assertEquals(LanguageGuess.UNDETERMINED, LanguageGuess.of("  "));
    }
}
