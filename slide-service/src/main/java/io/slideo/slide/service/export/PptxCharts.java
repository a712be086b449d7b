package io.slideo.slide.service.export;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.XDDFFont;
import org.apache.poi.xddf.usermodel.text.XDDFRunProperties;
import org.apache.poi.common.usermodel.fonts.FontGroup;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFSlide;

import io.slideo.model.deck.Chart;
import io.slideo.slide.service.export.Composition.Plot;

/**
 * A chart in the PPTX as PowerPoint's own: an editable chart whose data sheet holds the table (categories
 * in column A, one series per column after it), axes titled, series named, in the theme's colours and the
 * deck's font. The table's source is the slide's footer line under it.
 */
final class PptxCharts {

    private PptxCharts() {
    }

    static void add(XMLSlideShow show, XSLFSlide slide, Plot plot) {
        Chart data = plot.chart();
        XSLFChart chart = show.createChart();
        slide.addChart(chart, new Rectangle2D.Double(plot.box().x(), plot.box().y(), plot.box().width(), plot.box().height()));
        chart.setAutoTitleDeleted(true); // the slide's title is the chart's
        int n = data.categories().size();
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(data.categories().toArray(String[]::new),
                chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
        if (data.kind() == Chart.Kind.PIE) {
            XDDFChartData pie = chart.createData(ChartTypes.PIE, null, null);
            pie.setVaryColors(true);
            XDDFChartData.Series series = pie.addSeries(categories, values(chart, data, 0));
            series.setTitle(data.series().get(0).name(), chart.setSheetTitle(data.series().get(0).name(), 1));
            for (int i = 0; i < n; i++) {
                series.getDataPoint(i).setFillProperties(fill(plot.palette().get(i % plot.palette().size())));
            }
            chart.plot(pie);
            legend(chart, plot, LegendPosition.RIGHT);
            return;
        }
        boolean bar = data.kind() == Chart.Kind.BAR;
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(bar ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        XDDFValueAxis valueAxis = chart.createValueAxis(bar ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        if (!plot.categoryTitle().isEmpty()) {
            categoryAxis.setTitle(plot.categoryTitle());
        }
        if (!data.valueTitle().isEmpty()) {
            valueAxis.setTitle(data.valueTitle());
        }
        valueAxis.getOrAddMajorGridProperties().setLineProperties(line(plot.gridColour(), 0.75));
        text(categoryAxis, plot);
        text(valueAxis, plot);
        XDDFChartData chartData = chart.createData(data.kind() == Chart.Kind.LINE ? ChartTypes.LINE : ChartTypes.BAR,
                categoryAxis, valueAxis);
        chartData.setVaryColors(false);
        if (chartData instanceof XDDFBarChartData bars) {
            bars.setBarDirection(bar ? BarDirection.BAR : BarDirection.COL);
            bars.setGapWidth(60);
        }
        for (int s = 0; s < data.series().size(); s++) {
            String name = data.series().get(s).name();
            XDDFChartData.Series series = chartData.addSeries(categories, values(chart, data, s));
            series.setTitle(name, chart.setSheetTitle(name, s + 1));
            String colour = plot.palette().get(s % plot.palette().size());
            if (series instanceof XDDFLineChartData.Series line) {
                line.setSmooth(false);
                line.setMarkerStyle(MarkerStyle.CIRCLE);
                line.setLineProperties(line(colour, 2.5));
            } else {
                series.setFillProperties(fill(colour));
            }
        }
        chart.plot(chartData);
        if (bar) {
            // Categories top to bottom, as the table lists them.
            chart.getCTChart().getPlotArea().getCatAxArray(0).getScaling().addNewOrientation()
                    .setVal(org.openxmlformats.schemas.drawingml.x2006.chart.STOrientation.MAX_MIN);
        }
        if (data.series().size() > 1) {
            legend(chart, plot, LegendPosition.TOP);
        }
    }

    private static XDDFNumericalDataSource<Double> values(XSLFChart chart, Chart data, int s) {
        List<Double> values = data.series().get(s).values();
        int n = values.size();
        return XDDFDataSourcesFactory.fromArray(values.toArray(Double[]::new),
                chart.formatRange(new CellRangeAddress(1, n, s + 1, s + 1)), s + 1);
    }

    private static void legend(XSLFChart chart, Plot plot, LegendPosition position) {
        var legend = chart.getOrAddLegend();
        legend.setPosition(position);
        legend.setOverlay(false);
        var body = new org.apache.poi.xddf.usermodel.text.XDDFTextBody(legend);
        body.initialize();
        style(body.getParagraph(0).addDefaultRunProperties(), plot);
        legend.setTextBody(body);
    }

    private static void text(XDDFChartAxis axis, Plot plot) {
        style(axis.getOrAddTextProperties(), plot);
    }

    private static void style(XDDFRunProperties run, Plot plot) {
        run.setFontSize((double) plot.face().size());
        run.setFillProperties(fill(plot.textColour()));
        run.setFonts(new XDDFFont[] { new XDDFFont(FontGroup.LATIN, plot.face().family(), null, null, null) });
    }

    private static XDDFSolidFillProperties fill(String hex) {
        Color c = Color.decode(hex);
        return new XDDFSolidFillProperties(XDDFColor.from(new byte[] { (byte) c.getRed(), (byte) c.getGreen(), (byte) c.getBlue() }));
    }

    private static XDDFLineProperties line(String hex, double width) {
        XDDFLineProperties line = new XDDFLineProperties(fill(hex));
        line.setWidth(width);
        return line;
    }
}
