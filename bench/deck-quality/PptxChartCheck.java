import java.io.FileInputStream;
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

/**
 * Reads the charts of a PPTX export back with POI, as PowerPoint would: run by the deck-quality
 * report as a single-file program on slide-service's runtime classpath,
 * {@code java -cp <classpath> PptxChartCheck.java a.pptx ...}. Prints one tab-separated line per chart:
 * file, slide (0-based), kind (LINE, PIE, BAR, COLUMN, or the chart type's class), the categories, then
 * each series' values; lists are joined with the unit separator (U+001F), a missing value is empty.
 */
public class PptxChartCheck {
    private static final String SEP = "\u001f";

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
            for (int s = 0; s < data.getSeriesCount(); s++) {
                var values = data.getSeries(s).getValuesData();
                line.append('\t');
                for (int i = 0; i < values.getPointCount(); i++) {
                    Object v = values.getPointAt(i);
                    line.append(i == 0 ? "" : SEP).append(v == null ? "" : v.toString());
                }
            }
            System.out.println(line);
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
