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

    static Bullet bullet(String text, int page) {
        return new Bullet(text, new SourceRef(DOCUMENT, page));
    }
}
