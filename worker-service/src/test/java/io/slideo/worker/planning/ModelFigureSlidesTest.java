package io.slideo.worker.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.document.ExtractedDocument;
import io.slideo.model.document.Figure;
import io.slideo.worker.CorpusDocuments;
import io.slideo.worker.model.Answers;
import io.slideo.worker.retrieval.DocumentMap;

/** A plan the model drafted gets the document's figures as the offline planner's does. */
class ModelFigureSlidesTest {

    @Test
    void aModelsBulletSlideOnAFiguresSectionShowsItOnceAndAtMostOneSlideInThree() {
        ExtractedDocument paper = CorpusDocuments.extract("paper-mems-microrobots.pdf");
        Figure first = paper.figures().get(0);
        DocumentMap map = DocumentMap.of(List.of(paper), Map.of(), 200_000);
        int ref = 1;
        while (map.section(ref) != null && map.section(ref).section() != first.section()) {
            ref++;
        }
        String cited = "[" + ref + "]";
        List<Answers.PlanSlide> slides = new ArrayList<>();
        slides.add(new Answers.PlanSlide("MEMS robots", "TITLE", List.of(), List.of(), List.of()));
        for (int i = 1; i <= 3; i++) {
            slides.add(new Answers.PlanSlide("Part " + i, "BULLETS", List.of("A point of part " + i), List.of(cited),
                    List.of()));
        }

        List<PlannedSlide> planned = new ModelOutlineDrafter(null, 14)
                .toOutline(new Answers.Plan("MEMS robots", slides), 4, map, List.of(paper)).outline().slides();

        assertEquals(SlideLayout.IMAGE, planned.get(1).layout());
        assertEquals(first.blobKey(), planned.get(1).figure().blobKey());
        assertEquals(first.caption(), planned.get(1).figure().caption());
        assertEquals(SlideLayout.BULLETS, planned.get(2).layout(), "a figure is shown once, one slide in three");
        assertNull(planned.get(3).figure());
    }
}
