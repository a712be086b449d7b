package io.slideo.worker.model;

import java.util.List;

/**
 * The records the model answers with, one per prompt template. Their lists are never null, so that
 * validation reads them plainly; numbers that cite a passage, section or page are read leniently
 * ("3", 3 or "P3").
 */
public final class Answers {
    private Answers() {
    }

    /** deck-plan: the deck's title and its slides. */
    public record Plan(String title, List<PlanSlide> slides) {
        public Plan {
            slides = slides == null ? List.of() : slides;
        }
    }

    /** One planned slide, with the sections (document map ids) and web pages it draws on. */
    public record PlanSlide(String title, String layout, List<String> keyPoints, List<String> sections,
            List<String> sources) {
        public PlanSlide {
            keyPoints = keyPoints == null ? List.of() : keyPoints;
            sections = sections == null ? List.of() : sections;
            sources = sources == null ? List.of() : sources;
        }
    }

    /** slide-write: the written slide; each bullet cites a passage. */
    public record Slide(String title, List<Point> bullets, List<List<String>> table, String notes,
            List<String> sources) {
        public Slide {
            bullets = bullets == null ? List.of() : bullets;
            table = table == null ? List.of() : table;
            sources = sources == null ? List.of() : sources;
        }
    }

    public record Point(String text, String passage) {
    }

    /** speaker-notes. */
    public record Notes(String notes) {
    }

    /** research-summary: what the pages say, each finding with its page. */
    public record ResearchSummary(String summary, List<Finding> findings) {
        public ResearchSummary {
            findings = findings == null ? List.of() : findings;
        }
    }

    public record Finding(String text, String source) {
    }

    /** A cited number as written by a model ("3", "P3", "[S3]"); -1 when there is none. */
    public static int number(String cited) {
        if (cited == null) {
            return -1;
        }
        String digits = cited.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 6) {
            return -1;
        }
        return Integer.parseInt(digits);
    }
}
