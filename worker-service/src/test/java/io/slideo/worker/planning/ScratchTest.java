package io.slideo.worker.planning;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.slideo.model.document.ExtractedDocument;
class ScratchTest {
    @Test
    void show() {
        ExtractedDocument first = OutlineDrafterTest.document("first", "First", OutlineDrafterTest.section("Alpha", 1, 1, 3), OutlineDrafterTest.section("Beta", 1, 2, 3));
        ExtractedDocument second = OutlineDrafterTest.document("second", "Second", OutlineDrafterTest.section("Gamma", 1, 1, 3));
        List<Topic> parts = new java.util.ArrayList<>(DocumentStructure.parts(second));
        parts.addAll(DocumentStructure.parts(first));
        PointPicker picker = new PointPicker(4, 14, java.util.Map.of());
        PointPicker.Said said = new PointPicker.Said();
        for (Topic t : parts) System.out.println("PICK " + t.heading() + " " + picker.pick(t, said).stream().map(PointPicker.Point::text).toList());
        System.out.println(new OutlineDrafter(4, 14).draft(null, 6, List.of(second, first)).slides());
    }
}
