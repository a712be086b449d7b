package io.slideo.slide.service.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.junit.jupiter.api.Test;

import io.slideo.model.deck.Bullet;
import io.slideo.model.deck.Chart;
import io.slideo.model.deck.ChartReading;
import io.slideo.model.deck.SlideLayout;
import io.slideo.model.deck.SourceRef;

/** A chart slide is drawn from its table's numbers alike in the PPTX (a native chart), the HTML (SVG) and the PDF. */
class ChartRenderersTest {
    static final List<List<String>> MONTHS = List.of(List.of("Month", "Visitors"), List.of("Jan", "1,234"),
            List.of("Feb", "1,480"), List.of("Mar", "1,902"), List.of("Apr", "2,115"), List.of("May", "2,530"),
            List.of("Jun", "2,310"));
    static final List<List<String>> REGIONS = List.of(List.of("Region", "2023", "2024"), List.of("North", "$4.2m", "$5.1m"),
            List.of("South", "$3.1m", "$2.9m"), List.of("East", "$2.4m", "$3.3m"), List.of("West", "(0.8)", "$1.2m"));
    static final List<List<String>> SHARES = List.of(List.of("Channel", "Share of sales"), List.of("Web", "45 %"),
            List.of("Stores", "30 %"), List.of("Partners", "15 %"), List.of("Other", "10 %"));
    static final List<List<String>> DEPARTMENTS = List.of(List.of("Department", "Staff"),
            List.of("Finance and administration", "42"), List.of("Research and development", "118"),
            List.of("Customer service and support", "76"), List.of("Sales", "54"));
    static final List<List<String>> WORDS = List.of(List.of("Code", "Meaning"), List.of("01", "New"),
            List.of("02", "Modify with documents"), List.of("03", "Delete"));

    static List<SlideContent> deck() {
        List<List<List<String>>> tables = List.of(MONTHS, REGIONS, SHARES, DEPARTMENTS, WORDS);
        List<SlideContent> slides = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            SlideLayout layout = tables.get(i) == WORDS ? SlideLayout.TABLE : SlideLayout.CHART;
            slides.add(new SlideContent(i, "Figures " + (i + 1), layout, List.of(), List.of(), tables.get(i), "",
                    new SourceRef(SampleDecks.DOCUMENT, 3 + i)));
        }
        slides.add(new SlideContent(5, "Words only", SlideLayout.BULLETS,
                List.of(new Bullet("An old slide without a chart still renders", new SourceRef(SampleDecks.DOCUMENT, 1))),
                List.of(), List.of(), ""));
        return slides;
    }

    private static Composition composed() {
        return DeckComposer.compose("Charts", SampleDecks.PAPER, List.of(SampleDecks.DOCUMENT), deck());
    }

    @Test
    void eachNumericTableIsReadAsTheChartItsShapeAsksFor() {
        assertEquals(Chart.Kind.LINE, ChartReading.of(MONTHS).orElseThrow().kind());
        assertEquals(Chart.Kind.COLUMN, ChartReading.of(REGIONS).orElseThrow().kind());
        assertEquals(Chart.Kind.PIE, ChartReading.of(SHARES).orElseThrow().kind());
        assertEquals(Chart.Kind.BAR, ChartReading.of(DEPARTMENTS).orElseThrow().kind());
        assertTrue(ChartReading.of(WORDS).isEmpty());
    }

    @Test
    void thePptxHasNativeChartsWhoseSeriesHoldTheTablesNumbers() throws IOException {
        byte[] pptx = PptxRenderer.render(composed());
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            List<XSLFChart> charts = show.getCharts();
            var frame = show.getSlides().get(0).getShapes().stream()
                    .filter(s -> s instanceof org.apache.poi.xslf.usermodel.XSLFGraphicFrame).findFirst().orElseThrow();
            assertEquals(848, frame.getAnchor().getWidth(), 0.5, "the chart fills the slide's body box");
            assertEquals(4, charts.size(), "one chart per chart slide, none for the table of words");
            assertLine(charts.get(0).getChartSeries().get(0));
            assertTrue(charts.get(0).getCTChart().xmlText().contains(">Visitors</"), "the series is named");
            XDDFChartData regions = charts.get(1).getChartSeries().get(0);
            assertEquals(BarDirection.COL, assertInstanceOf(XDDFBarChartData.class, regions).getBarDirection());
            assertEquals(2, regions.getSeriesCount());
            assertSeries(regions.getSeries(1), List.of("North", "South", "East", "West"), List.of(5.1, 2.9, 3.3, 1.2));
            assertEquals(-0.8, regions.getSeries(0).getValuesData().getPointAt(3).doubleValue(), 1e-9);
            assertTrue(charts.get(1).getCTChart().xmlText().contains("dispBlanksAs val=\"gap\""), "an empty cell is a gap");
            XDDFChartData shares = assertInstanceOf(XDDFPieChartData.class, charts.get(2).getChartSeries().get(0));
            assertSeries(shares.getSeries(0), List.of("Web", "Stores", "Partners", "Other"), List.of(45.0, 30.0, 15.0, 10.0));
            XDDFChartData staff = charts.get(3).getChartSeries().get(0);
            assertEquals(BarDirection.BAR, assertInstanceOf(XDDFBarChartData.class, staff).getBarDirection());
            assertTrue(charts.get(3).getCTChart().xmlText().contains(">Staff</"), "the series is named");
            assertTrue(show.getSlides().get(4).getShapes().stream()
                    .anyMatch(s -> s instanceof org.apache.poi.xslf.usermodel.XSLFTable), "the table of words stays a table");
        }
    }

    private static void assertLine(XDDFChartData data) {
        assertInstanceOf(XDDFLineChartData.class, data);
        assertSeries(data.getSeries(0), List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun"),
                List.of(1234.0, 1480.0, 1902.0, 2115.0, 2530.0, 2310.0));
    }

    private static void assertSeries(XDDFChartData.Series series, List<String> categories, List<Double> values) {
        assertEquals(categories.size(), series.getCategoryData().getPointCount());
        for (int i = 0; i < categories.size(); i++) {
            assertEquals(categories.get(i), series.getCategoryData().getPointAt(i));
            assertEquals(values.get(i), ((Number) series.getValuesData().getPointAt(i)).doubleValue(), 1e-9);
        }
    }

    @Test
    void theHtmlDrawsEveryChartAsSvgWithOneMarkPerValueAndItsLabels() {
        String html = HtmlRenderer.document(composed());
        List<String> charts = new ArrayList<>();
        Matcher chart = Pattern.compile("<div class=\"frame body chart [a-z]+\".*?</svg>.*?</div>\n", Pattern.DOTALL).matcher(html);
        while (chart.find()) {
            charts.add(chart.group());
        }
        assertEquals(4, charts.size());
        assertEquals(List.of(6, 8, 4, 4), charts.stream().map(c -> count(c, "class=\"mark\"")).toList());
        assertTrue(charts.get(0).contains(" line\"") && charts.get(2).contains(" pie\"") && charts.get(3).contains(" bar\""));
        for (String label : List.of(">Jan<", ">Jun<", ">Visitors<", ">1,234<", ">Month<")) {
            assertTrue(charts.get(0).contains(label), label);
        }
        for (String label : List.of(">North<", ">2023<", ">2024<", ">$5.1m<", "\u2212")) {
            assertTrue(charts.get(1).contains(label), label);
        }
        assertTrue(charts.get(2).contains(">Web  45%<"));
        assertTrue(html.contains("<table>") && html.contains("Modify with documents"), "the table of words as a table");
    }

    @Test
    void theChartsStayInsideTheirFramesInChromium() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "export-samples"));
        java.nio.file.Path file = folder.resolve("charts.html");
        java.nio.file.Files.writeString(file, HtmlRenderer.document(composed()));

        var report = BrowserCheck.run(List.of(file.toAbsolutePath().toString())).get(0);

        assertEquals(6, report.path("visible").asInt(), report.toString());
        assertEquals(0, report.path("overflowing").size(), report.toString());
        assertEquals(0, report.path("fontsMissing").size(), report.toString());
    }

    @Test
    void aChartWritesItsNumbersWithTheDeckLanguagesMarks() {
        List<List<String>> sales = List.of(List.of("Регион", "Продажи"), List.of("Москва", "1 234,5"),
                List.of("Казань", "812,1"), List.of("Омск", "93,2"));
        String html = HtmlRenderer.document(DeckComposer.compose("Продажи", SampleDecks.PAPER, List.of(SampleDecks.DOCUMENT),
                List.of(new SlideContent(0, "Продажи по регионам", SlideLayout.CHART, List.of(), List.of(), sales, "")), "ru"));
        assertTrue(html.contains(">1 234,5<") && html.contains(">812,1<"), "Russian decimal commas");
    }

    @Test
    void thePdfSetsTheChartsLabelsAsText() throws IOException {
        byte[] pdf = PdfRenderer.render(composed());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(6, document.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String line = stripper.getText(document);
            for (String label : List.of("Jan", "Jun", "Visitors", "1,234", "Month")) {
                assertTrue(line.contains(label), label + " in " + line);
            }
            stripper.setStartPage(4);
            stripper.setEndPage(4);
            String bars = stripper.getText(document);
            assertTrue(bars.contains("Research and development") && bars.contains("118"), bars);
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
