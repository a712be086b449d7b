package io.slideo.slide.service.export;

import java.util.List;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;
import io.slideo.model.theme.Theme;

/** Decks with every layout, for the renderer tests. */
final class SampleDecks {
    static final String DOCUMENT = "0b9c8d2e-1111-4aaa-8bbb-123456789abc";
    static final Theme PAPER = new Theme("paper", "Paper", "", "#fbf7ef", "#2d2a26", "#5a1e1e", "#b4532a",
            "Liberation Serif", "Liberation Serif", 40, 22, 1.25, "rule");
    static final Theme TERMINAL = new Theme("terminal", "Terminal", "", "#111111", "#d4d4d4", "#7ee787", "#7ee787",
            "Liberation Mono", "Liberation Mono", 32, 19, 1.2, "plain");
    static final Theme DARK = new Theme("slideo-dark", "Slideo Dark", "", "#0f1b2d", "#e4e7eb", "#ffffff", "#f0b429",
            "Liberation Sans", "Liberation Sans", 36, 22, 1.2, "band");

    private SampleDecks() {
    }

    static List<SlideContent> everyLayout() {
        return List.of(
                new SlideContent(0, "Trace trees & <fast> JavaScript", SlideLayout.TITLE,
                        List.of(bullet("A briefing on TraceMonkey", 1)), List.of(), List.of(), "Welcome everyone."),
                new SlideContent(1, "Agenda", SlideLayout.AGENDA,
                        List.of(bullet("Why dynamic languages are slow", 1), bullet("Trace trees", 2),
                                bullet("Results", 9)), List.of(), List.of(), "Three parts today."),
                new SlideContent(2, "Trace trees", SlideLayout.SECTION, List.of(bullet("Recording hot loops", 3)),
                        List.of(), List.of(), null),
                new SlideContent(3, "How a loop becomes a trace", SlideLayout.BULLETS,
                        List.of(bullet("The interpreter counts how often each loop header runs", 3),
                                bullet("A hot loop is recorded as a linear trace of typed instructions", 4),
                                bullet("Guards leave the trace when a type or branch differs", 4),
                                bullet("Side exits that become hot grow new branches of the tree", 5),
                                bullet("Nested loops form nested trees, compiled together", 6)),
                        List.of(), List.of(), "Walk through the recording step by step."),
                new SlideContent(4, "Interpreter versus tracing", SlideLayout.TWO_COLUMNS,
                        List.of(bullet("Boxes every value", 2), bullet("Dispatches per bytecode", 2)), 
                        List.of(bullet("Unboxed typed values", 7), bullet("Straight native code", 7)), List.of(),
                        "Contrast the two."),
                new SlideContent(5, "Speed-ups on SunSpider", SlideLayout.TABLE, List.of(), List.of(),
                        List.of(List.of("Benchmark", "Interpreter", "TraceMonkey"), List.of("3d-cube", "1.0x", "2.2x"),
                                List.of("bitops-bitwise-and", "1.0x", "25.0x"), List.of("string-fasta", "1.0x", "1.9x")),
                        "Numbers from the paper's evaluation."),
                new SlideContent(6, "In the authors' words", SlideLayout.QUOTE,
                        List.of(bullet("Tracing lets us compile the hot paths of a dynamic program with type "
                                + "specialisation and almost no compile-time overhead.", 11)),
                        List.of(), List.of(), "Read the quote."),
                new SlideContent(7, "Questions?", SlideLayout.CLOSING,
                        List.of(bullet("Trace trees make dynamic code fast", 12)), List.of(), List.of(),
                        "Thank you."));
    }

    /**
     * A Japanese deck: kanji, kana, half-width kana, a supplementary-plane kanji (U+20B9F) and math
     * italic letters (U+1D44E..), one source cited by its place in a document without pages.
     */
    static List<SlideContent> japanese() {
        return List.of(
                new SlideContent(0, "四半期の業績報告", SlideLayout.TITLE, List.of(bullet("経営会議向けの要約", 1)),
                        List.of(), List.of(), "ご清聴ください。"),
                new SlideContent(1, "売上と利益の推移", SlideLayout.BULLETS,
                        List.of(bullet("売上高は前年同期比で１２％増加し、過去最高を更新しました", 3),
                                bullet("ｶﾀｶﾅの半角表記とカタカナの全角表記が混在する資料も正しく表示します", 4),
                                new Bullet("𠮟責を受けた部署は改善計画を提出しました",
                                        new SourceRef(DOCUMENT, null, "§ 3.2 リスク, ¶ 4")),
                                bullet("利益率は \uD835\uDC4E + \uD835\uDC4F = \uD835\uDC50 の関係で説明できます", 5)),
                        List.of(), List.of(), "数字を順に説明する。"),
                new SlideContent(2, "地域別の売上", SlideLayout.TABLE, List.of(), List.of(),
                        List.of(List.of("地域", "売上", "前年比"), List.of("東京", "４２億円", "＋８％"),
                                List.of("大阪", "１８億円", "＋１５％")), "表を読む。"));
    }

    /** An Arabic deck: right-to-left, joined letters, Arabic-Indic digits, a table and a quote. */
    static List<SlideContent> arabic() {
        return List.of(
                new SlideContent(0, "تقرير الأداء الفصلي", SlideLayout.TITLE, List.of(bullet("ملخص لمجلس الإدارة", 1)),
                        List.of(), List.of(), "مرحبا بالجميع."),
                new SlideContent(1, "المبيعات والأرباح", SlideLayout.BULLETS,
                        List.of(bullet("ارتفعت المبيعات بنسبة ١٢٪ مقارنة بالعام الماضي", 3),
                                bullet("انخفضت التكاليف التشغيلية في جميع الفروع", 4),
                                bullet("خطة التحسين تشمل الأقسام الثلاثة", 5)),
                        List.of(), List.of(), "نشرح الأرقام بالترتيب."),
                new SlideContent(2, "المبيعات حسب المنطقة", SlideLayout.TABLE, List.of(), List.of(),
                        List.of(List.of("المنطقة", "المبيعات"), List.of("الرياض", "٤٢ مليون"),
                                List.of("القاهرة", "١٨ مليون")), "نقرأ الجدول."),
                new SlideContent(3, "كلمة المدير", SlideLayout.QUOTE,
                        List.of(bullet("النجاح رحلة مستمرة وليس محطة وصول", 7)), List.of(), List.of(), "اقرأ الاقتباس."));
    }

    static Bullet bullet(String text, int page) {
        return new Bullet(text, new SourceRef(DOCUMENT, page));
    }
}
