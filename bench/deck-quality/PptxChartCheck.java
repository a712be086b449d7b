import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;

import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFGraphicFrame;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

/**
 * Reads the charts of a PPTX export back with POI, as PowerPoint would: run by the deck-quality
 * report as a single-file program on slide-service's runtime classpath,
 * {@code java -cp <classpath> PptxChartCheck.java a.pptx ...}. Prints one tab-separated line per chart:
 * file, slide (0-based), kind (LINE, PIE, BAR, COLUMN, or the chart type's class), the categories, then
 * each series' values; lists are joined with the unit separator (U+001F), a missing value is empty.
 */
public class PptxChartCheck {
    /** UTF-8 whatever the locale: under a C locale Java 17 would print category names as "?". */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private static final String SEP = "\u001f";
    private static final String C = "declare namespace c='http://schemas.openxmlformats.org/drawingml/2006/chart' ";

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            try (InputStream in = new FileInputStream(file); XMLSlideShow show = new XMLSlideShow(in)) {
                int index = 0;
                for (XSLFSlide slide : show.getSlides()) {
                    for (XSLFShape shape : slide.getShapes()) {
                        if (shape instanceof XSLFGraphicFrame frame && frame.hasChart()) {
                            print(file, index, frame.getChart());
                        }
                    }
                    index++;
                }
            }
        }
    }

    private static void print(String file, int slide, XSLFChart chart) {
        for (XDDFChartData data : chart.getChartSeries()) {
            StringBuilder line = new StringBuilder(file).append('\t').append(slide).append('\t').append(kind(data));
            XDDFChartData.Series first = data.getSeries(0);
            line.append('\t');
            for (int i = 0; i < first.getCategoryData().getPointCount(); i++) {
                line.append(i == 0 ? "" : SEP).append(clean(String.valueOf(first.getCategoryData().getPointAt(i))));
            }
            // The values from the series' own cache, point by point index: XDDF reads the cached points by
            // position, which a series with gaps (a year without a value) does not have.
            XmlObject[] series = chart.getCTChart().getPlotArea().selectPath(C + ".//c:ser");
            for (XmlObject ser : series) {
                line.append('\t').append(values(ser));
            }
            OUT.println(line);
        }
    }

    private static String values(XmlObject ser) {
        XmlObject[] caches = ser.selectPath(C + "./c:val//c:numCache");
        if (caches.length == 0) {
            return "";
        }
        int count = Integer.parseInt(text(caches[0].selectPath(C + "./c:ptCount")[0].selectAttribute("", "val")));
        String[] points = new String[count];
        java.util.Arrays.fill(points, "");
        for (XmlObject pt : caches[0].selectPath(C + "./c:pt")) {
            int idx = Integer.parseInt(text(pt.selectAttribute("", "idx")));
            if (idx < count) {
                points[idx] = text(pt.selectPath(C + "./c:v")[0]);
            }
        }
        return String.join(SEP, points);
    }

    private static String text(XmlObject node) {
        try (XmlCursor cursor = node.newCursor()) {
            return cursor.getTextValue().trim();
        }
    }

    private static String kind(XDDFChartData data) {
        if (data instanceof XDDFLineChartData) {
            return "LINE";
        }
        if (data instanceof XDDFPieChartData) {
            return "PIE";
        }
        if (data instanceof XDDFBarChartData bar) {
            return bar.getBarDirection() == org.apache.poi.xddf.usermodel.chart.BarDirection.BAR ? "BAR" : "COLUMN";
        }
        return data.getClass().getSimpleName();
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace(SEP, " ");
    }
}
