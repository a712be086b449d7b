package io.slideo.slide.service.export;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
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
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTTitle;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;

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
        // POI takes this anchor in EMU, unlike the points of every other shape's.
        slide.addChart(chart, new Rectangle2D.Double(Units.toEMU(plot.box().x()), Units.toEMU(plot.box().y()),
                Units.toEMU(plot.box().width()), Units.toEMU(plot.box().height())));
        chart.setAutoTitleDeleted(true); // the slide's title is the chart's
        // A cell the table leaves empty is a gap in the line, not a zero.
        var blanks = chart.getCTChart().isSetDispBlanksAs() ? chart.getCTChart().getDispBlanksAs()
                : chart.getCTChart().addNewDispBlanksAs();
        blanks.setVal(org.openxmlformats.schemas.drawingml.x2006.chart.STDispBlanksAs.GAP);
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
            valueLabels(chart.getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0).addNewDLbls(), plot,
                    STDLblPos.OUT_END);
            legend(chart, plot, LegendPosition.RIGHT);
            return;
        }
        boolean bar = data.kind() == Chart.Kind.BAR;
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(bar ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        XDDFValueAxis valueAxis = chart.createValueAxis(bar ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        // Reversed categories (below) would put the value axis on top: it crosses at their end instead.
        valueAxis.setCrosses(bar ? AxisCrosses.MAX : AxisCrosses.AUTO_ZERO);
        valueAxis.setNumberFormat(numberFormat(data));
        // Category names at the low end of the value axis, clear of bars below zero.
        categoryAxis.setTickLabelPosition(AxisTickLabelPosition.LOW);
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
        var area = chart.getCTChart().getPlotArea();
        if (data.series().size() == 1 && data.categories().size() <= (bar ? 24 : 12)) {
            if (data.kind() == Chart.Kind.LINE) {
                valueLabels(area.getLineChartArray(0).getSerArray(0).addNewDLbls(), plot, STDLblPos.T);
            } else {
                valueLabels(area.getBarChartArray(0).getSerArray(0).addNewDLbls(), plot, STDLblPos.OUT_END);
            }
        }
        for (var axis : area.getCatAxList()) {
            if (axis.isSetTitle()) {
                titled(axis.getTitle(), plot);
            }
        }
        for (var axis : area.getValAxList()) {
            if (axis.isSetTitle()) {
                titled(axis.getTitle(), plot);
            }
        }
        if (data.series().size() > 1) {
            legend(chart, plot, LegendPosition.TOP);
        }
    }

    /** Each mark's value written by it, in the table's unit, in the deck's font. */
    private static void valueLabels(CTDLbls labels, Plot plot, STDLblPos.Enum position) {
        labels.addNewNumFmt().setFormatCode(numberFormat(plot.chart()));
        labels.getNumFmt().setSourceLinked(false);
        labels.addNewDLblPos().setVal(position);
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
        CTTextBody body = labels.addNewTxPr();
        body.addNewBodyPr();
        body.addNewLstStyle();
        run(body.addNewP().addNewPPr().addNewDefRPr(), plot);
    }

    /** An axis title as the labels are: the deck's font and text colour (PowerPoint's default is black). */
    private static void titled(CTTitle title, Plot plot) {
        if (title.getTx() == null || title.getTx().getRich() == null) {
            return;
        }
        for (var paragraph : title.getTx().getRich().getPList()) {
            for (var r : paragraph.getRList()) {
                run(r.isSetRPr() ? r.getRPr() : r.addNewRPr(), plot);
            }
        }
    }

    private static void run(CTTextCharacterProperties run, Plot plot) {
        run.setSz(Math.round(plot.face().size() * 100));
        run.setB(false);
        Color c = Color.decode(plot.textColour());
        run.addNewSolidFill().addNewSrgbClr().setVal(new byte[] { (byte) c.getRed(), (byte) c.getGreen(), (byte) c.getBlue() });
        run.addNewLatin().setTypeface(plot.face().family());
    }

    /** Grouped digits, decimals where the table has them, the unit around them as the table wrote it: "$"#,##0.0#"m". */
    static String numberFormat(Chart chart) {
        boolean whole = chart.series().stream().flatMap(s -> s.values().stream())
                .allMatch(v -> v == null || v == Math.rint(v));
        String digits = whole ? "#,##0" : "#,##0.0#";
        String unit = chart.unit();
        if (unit.isEmpty()) {
            return digits;
        }
        boolean currency = "$\u20ac\u00a3\u00a5".indexOf(unit.charAt(0)) >= 0;
        String prefix = currency ? "\"" + unit.charAt(0) + "\"" : "";
        String rest = currency ? unit.substring(1) : unit;
        String suffix = rest.isEmpty() ? "" : "\"" + ("%".equals(rest) || rest.matches("[kKmMbB]n?|bn") ? rest : " " + rest) + "\"";
        return prefix + digits + suffix;
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
