package cn.cdsw.tallybot.summary;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import cn.cdsw.tallybot.wording.ChartLabels;

/**
 * Draws the bar chart that goes with the daily summary: visits per district on top, one
 * bar per unit because figures in different units are never added together, and materials
 * in 件 below, sharing the district axis.
 *
 * <p>
 * Districts appear in the caller's order, since the composer already orders the summary's
 * lines and the chart should read the same way (and any "largest first" order would have
 * to add 户 to 人次). Districts without figures are left out. A day with no figures still
 * gets a chart of the same size, titled, with 今日暂无上报 in the middle, so delivery never has
 * to special-case a missing image. Its words are the summary's ({@link ChartLabels}): the
 * metric label, the materials word and unit of bot-config.
 *
 * <p>
 * Rendering draws into a {@link BufferedImage} only, so it works on a headless JVM
 * (Spring Boot's default). Instances are immutable and may be shared.
 */
public final class SummaryChart {

    static final int WIDTH = 1100;
    static final int HEIGHT = 700;

    /**
     * Above this many districts the names no longer fit side by side (23 at most in
     * Chengdu).
     */
    private static final int UPRIGHT_LABELS_MAX = 10;

    private static final Color[] VISIT_COLOURS = { new Color(0x2F6EBA), new Color(0x4BA3C3), new Color(0x4E9A5E),
            new Color(0x6A5ACD), new Color(0x9DB4C0) };

    private static final Color MATERIALS_COLOUR = new Color(0xE08E2B);

    private final String fontFamily;

    private final StandardChartTheme theme;

    private final ChartLabels labels;

    /**
     * Draws with the given font family, which must carry the Chinese glyphs of the
     * labels.
     */
    public SummaryChart(String fontFamily, ChartLabels labels) {
        this.fontFamily = Objects.requireNonNull(fontFamily, "fontFamily");
        this.theme = theme(fontFamily);
        this.labels = labels;
    }

    public String fontFamily() {
        return fontFamily;
    }

    /**
     * The chart of one day as a PNG of {@value #WIDTH}×{@value #HEIGHT} pixels. Each
     * district should appear once: a repeated district is one category, so its later bar
     * replaces the earlier one.
     */
    public byte[] render(LocalDate date, List<DistrictBar> bars) {
        Objects.requireNonNull(date, "date");
        List<DistrictBar> shown = bars.stream().filter(DistrictBar::hasFigures).toList();
        CategoryPlot plot = shown.isEmpty() ? emptyPlot() : combinedPlot(shown);
        JFreeChart chart = new JFreeChart(labels.title(date), JFreeChart.DEFAULT_TITLE_FONT, plot, !shown.isEmpty());
        theme.apply(chart);
        plot.setNoDataMessageFont(theme.getExtraLargeFont());
        // Bars are axis-aligned rectangles: shape anti-aliasing only adds grey edge
        // pixels that bloat the PNG.
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        return encode(chart);
    }

    private static StandardChartTheme theme(String family) {
        StandardChartTheme theme = new StandardChartTheme("tallybot");
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 22));
        theme.setLargeFont(new Font(family, Font.BOLD, 15));
        theme.setRegularFont(new Font(family, Font.PLAIN, 13));
        theme.setSmallFont(new Font(family, Font.PLAIN, 11));
        // Flat bars on white: gradients and shadows cost bytes and read worse on a phone
        // in a QQ group.
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xCCCCCC));
        return theme;
    }

    private CategoryPlot combinedPlot(List<DistrictBar> bars) {
        CategoryAxis districts = new CategoryAxis(labels.districts());
        districts.setCategoryMargin(0.25);
        if (bars.size() > UPRIGHT_LABELS_MAX) {
            districts.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(districts);
        combined.setGap(12);
        combined.add(panel(SummaryDatasets.visits(bars, labels::visitSeries), labels.visits(), VISIT_COLOURS), 3);
        combined.add(panel(SummaryDatasets.materials(bars, labels.materials()), labels.materials(), MATERIALS_COLOUR),
                2);
        return combined;
    }

    private static CategoryPlot panel(CategoryDataset data, String valueLabel, Color... colours) {
        NumberAxis values = new NumberAxis(valueLabel);
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.05);
        // Otherwise the theme clears these colours, and each panel restarts the default
        // palette, so 户 and
        // materials would both come out red.
        renderer.setAutoPopulateSeriesPaint(false);
        for (int series = 0; series < data.getRowCount(); series++) {
            renderer.setSeriesPaint(series, colours[series % colours.length]);
        }
        return new CategoryPlot(data, null, values, renderer);
    }

    private CategoryPlot emptyPlot() {
        CategoryAxis districts = new CategoryAxis();
        NumberAxis values = new NumberAxis();
        // Axes with no districts and a 0–1 scale would suggest figures of zero, not an
        // absence of reports.
        districts.setVisible(false);
        values.setVisible(false);
        CategoryPlot plot = new CategoryPlot(new DefaultCategoryDataset(), districts, values, new BarRenderer());
        plot.setNoDataMessage(labels.noData());
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static byte[] encode(JFreeChart chart) {
        // RGB without alpha and full compression: the image goes to chat groups, often
        // over mobile data.
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        try {
            return ChartUtils.encodeAsPNG(image, false, 9);
        }
        catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
    }

}
