package cn.cdsw.tallybot.summary;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import cn.cdsw.tallybot.wording.ChartLabels;
import cn.cdsw.tallybot.wording.ReportSpan;

/**
 * Draws the bar chart that goes with the daily summary and the weekly and monthly reports
 * (and that the web page shows): one row per district, horizontal bars, the visits panel
 * on the left and materials on the right, sharing the district axis.
 *
 * <p>
 * What is drawn is decided by {@link ChartModel}: each panel holds one unit (visits in
 * the main unit, usually 户; the other visit units as city totals in a line under the
 * chart; materials in 件), every district passed in is shown, zero included, and the
 * districts are ordered by the charted figure or in the official order
 * ({@link ChartOrder}). Each bar carries its value. Sizes are chosen for a
 * 1080-pixel-wide phone screen: the image is that wide and grows in height with the
 * districts, so 23 districts keep a legible row each.
 *
 * <p>
 * A period with no figures at all gets a titled picture reading 今日暂无上报 (本周…, 本月…), so
 * delivery never has to handle a missing image. Rendering draws into a
 * {@link BufferedImage} only, so it works on a headless JVM. Instances are immutable and
 * may be shared.
 */
public final class SummaryChart {

    static final int WIDTH = 1080;

    /** The height of the no-reports picture, and the least height of a chart. */
    static final int HEIGHT = 700;

    /** Title, legend, axis labels and margins. */
    private static final int FRAME_HEIGHT = 330;

    private static final int ROW_HEIGHT = 58;

    static final Color VISITS_COLOUR = new Color(0x2F6EBA);

    static final Color MATERIALS_COLOUR = new Color(0xE08E2B);

    private final String fontFamily;

    private final StandardChartTheme theme;

    private final ChartLabels labels;

    private final ChartOrder order;

    /**
     * Draws with the given font family, which must carry the Chinese glyphs of the
     * labels; districts ordered by the charted figure.
     */
    public SummaryChart(String fontFamily, ChartLabels labels) {
        this(fontFamily, labels, ChartOrder.FIGURE);
    }

    public SummaryChart(String fontFamily, ChartLabels labels, ChartOrder order) {
        this.fontFamily = Objects.requireNonNull(fontFamily, "fontFamily");
        this.theme = theme(fontFamily);
        this.labels = Objects.requireNonNull(labels, "labels");
        this.order = Objects.requireNonNull(order, "order");
    }

    public String fontFamily() {
        return fontFamily;
    }

    /**
     * The chart of one day as a PNG {@value #WIDTH} pixels wide. {@code bars} hold every
     * district to show, in the official order (a district without figures as zero); a
     * repeated district keeps its last bar.
     */
    public byte[] render(LocalDate date, List<DistrictBar> bars) {
        Objects.requireNonNull(date, "date");
        return render(labels.title(date), labels.noData(), bars);
    }

    /** The chart of the week or month starting on {@code start}, like a day's. */
    public byte[] render(ReportSpan span, LocalDate start, List<DistrictBar> bars) {
        return render(labels.title(span, start), labels.noData(span), bars);
    }

    /** The chart of any range of days (the web desk's period), like a day's. */
    public byte[] render(LocalDate from, LocalDate to, List<DistrictBar> bars) {
        return render(labels.title(from, to), labels.noDataInRange(), bars);
    }

    /** What the chart of {@code bars} shows, for tests and for anyone drawing it anew. */
    ChartModel model(List<DistrictBar> bars) {
        return ChartModel.of(bars, order, labels.materialsUnit());
    }

    private byte[] render(String title, String noData, List<DistrictBar> bars) {
        ChartModel model = model(bars);
        boolean empty = model.empty();
        CategoryPlot plot = empty ? emptyPlot(noData) : combinedPlot(model);
        JFreeChart chart = new JFreeChart(title, theme.getExtraLargeFont(), plot, !empty);
        theme.apply(chart);
        chart.getTitle().setMargin(new RectangleInsets(24, 10, 12, 10));
        if (!empty) {
            chart.getLegend().setItemFont(theme.getLargeFont());
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
            String others = labels.otherVisits(model.otherVisits());
            if (!others.isEmpty()) {
                TextTitle note = new TextTitle(others, theme.getRegularFont());
                note.setPosition(RectangleEdge.BOTTOM);
                note.setMargin(new RectangleInsets(4, 10, 16, 10));
                chart.addSubtitle(note);
            }
        }
        plot.setNoDataMessageFont(theme.getExtraLargeFont());
        // Bars are axis-aligned rectangles: shape anti-aliasing only adds grey edge
        // pixels that bloat the PNG.
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        int height = empty ? HEIGHT : Math.max(HEIGHT, FRAME_HEIGHT + ROW_HEIGHT * model.districts().size());
        return encode(chart, height);
    }

    /**
     * Font sizes for a 1080-pixel-wide image seen on a phone, where it is shown about a
     * third of its size: 26 px district names and values read as about 9 pt.
     */
    private static StandardChartTheme theme(String family) {
        StandardChartTheme theme = new StandardChartTheme("tallybot");
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 40));
        theme.setLargeFont(new Font(family, Font.PLAIN, 30));
        theme.setRegularFont(new Font(family, Font.PLAIN, 28));
        theme.setSmallFont(new Font(family, Font.PLAIN, 26));
        // Flat bars on white: gradients and shadows cost bytes and read worse on a phone
        // in a QQ group.
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setItemLabelPaint(Color.DARK_GRAY);
        return theme;
    }

    private CategoryPlot combinedPlot(ChartModel model) {
        CategoryAxis districts = new CategoryAxis();
        districts.setCategoryMargin(0.3);
        districts.setLowerMargin(0.01);
        districts.setUpperMargin(0.01);
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(districts);
        combined.setOrientation(PlotOrientation.HORIZONTAL);
        combined.setGap(32);
        for (ChartModel.Panel panel : model.panels()) {
            boolean visits = panel.kind() == ChartModel.Kind.VISITS;
            String series = visits ? labels.visitSeries(panel.unit()) : labels.materials();
            // visits weigh more: they lead the post
            combined.add(panel(SummaryDatasets.of(panel, series), series, visits ? VISITS_COLOUR : MATERIALS_COLOUR),
                    visits ? 3 : 2);
        }
        return combined;
    }

    private CategoryPlot panel(DefaultCategoryDataset data, String valueLabel, Color colour) {
        NumberAxis values = new NumberAxis(valueLabel);
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // room right of the longest bar for its value label
        values.setUpperMargin(0.3);
        // every bar carries its value, so a scale would only crowd the top edge
        values.setTickLabelsVisible(false);
        values.setTickMarksVisible(false);
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0);
        renderer.setMaximumBarWidth(0.8);
        // Otherwise the theme clears the colour and each panel restarts the default
        // palette.
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setSeriesPaint(0, colour);
        renderer
            .setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(theme.getSmallFont());
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(6);
        CategoryPlot plot = new CategoryPlot(data, null, values, renderer);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        return plot;
    }

    private CategoryPlot emptyPlot(String noData) {
        CategoryAxis districts = new CategoryAxis();
        NumberAxis values = new NumberAxis();
        // Axes with no districts and a 0–1 scale would suggest figures of zero, not an
        // absence of reports.
        districts.setVisible(false);
        values.setVisible(false);
        CategoryPlot plot = new CategoryPlot(new DefaultCategoryDataset(), districts, values, new BarRenderer());
        plot.setNoDataMessage(noData);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static byte[] encode(JFreeChart chart, int height) {
        // RGB without alpha and full compression: the image goes to chat groups, often
        // over mobile data.
        BufferedImage image = chart.createBufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB, null);
        try {
            return ChartUtils.encodeAsPNG(image, false, 9);
        }
        catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
    }

}
