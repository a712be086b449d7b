package io.slideo.worker.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.slideo.model.document.BlockKind;

class ChartNumbersTest {
    private static final String CHART = """
            <c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea>
            <c:val><c:numRef><c:numCache><c:formatCode>0%</c:formatCode><c:ptCount val="2"/>
            <c:pt idx="0"><c:v>0.60000000000000009</c:v></c:pt><c:pt idx="1"><c:v>0.25</c:v></c:pt><c:pt idx="2"><c:v>1</c:v></c:pt>
            </c:numCache></c:numRef></c:val>
            <c:val><c:numRef><c:numCache><c:formatCode>#,##0.0</c:formatCode>
            <c:pt idx="0"><c:v>1234.5</c:v></c:pt></c:numCache></c:numRef></c:val>
            </c:plotArea></c:chart></c:chartSpace>""";

    @Test
    void cachedChartValuesAreWrittenInTheirDisplayFormat(@TempDir Path directory) throws Exception {
        Path workbook = directory.resolve("chart.xlsx");
        try (OutputStream out = Files.newOutputStream(workbook); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/charts/chart1.xml"));
            zip.write(CHART.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        Map<String, String> shown = ChartNumbers.shown(workbook);
        List<DocumentPart> parts = ChartNumbers.apply(List.of(new DocumentPart.Content(BlockKind.PARAGRAPH,
                "Share 0.60000000000000009 0.25 Sales 1234.5 in 2013, step 1", 1, List.of(), List.of())), shown);

        assertEquals("Share 60% 25% Sales 1,234.5 in 2013, step 1", ((DocumentPart.Content) parts.get(0)).rawText());
    }
}
