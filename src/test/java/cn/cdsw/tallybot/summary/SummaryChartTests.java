package cn.cdsw.tallybot.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.cdsw.tallybot.testing.LogCapture;
import cn.cdsw.tallybot.testing.ShippedWording;
import cn.cdsw.tallybot.testing.TestServices;
import cn.cdsw.tallybot.wording.ChartLabels;

class SummaryChartTests {

    static {
        // Surefire's JVM may inherit a DISPLAY; the chart must not need one.
        System.setProperty("java.awt.headless", "true");
    }

    private static final ChartLabels LABELS = ShippedWording.WORDING.chart();

    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private static final int WHITE = Color.WHITE.getRGB();

    /**
     * The series colours of {@link SummaryChart}: visits in 户, 人次 and 次 (in the order
     * first reported), materials.
     */
    private static final Color HOUSEHOLDS = new Color(0x2F6EBA);

    private static final Color PERSON_TIMES = new Color(0x4BA3C3);

    private static final Color TIMES = new Color(0x4E9A5E);

    private static final Color MATERIALS = new Color(0xE08E2B);

    /**
     * Chengdu's 23 county-level areas (docs/domain.md §6): the widest chart the bot can
     * draw.
     */
    private static final List<String> DISTRICTS = List.of("锦江区", "青羊区", "金牛区", "武侯区", "成华区", "龙泉驿区", "青白江区", "新都区",
            "温江区", "双流区", "郫都区", "新津区", "金堂县", "大邑县", "蒲江县", "都江堰市", "彭州市", "邛崃市", "崇州市", "简阳市", "高新区", "天府新区", "东部新区");

    /**
     * Layout and encoding do not depend on the glyphs, so these tests draw with a family
     * every JVM has.
     */
    private final SummaryChart chart = new SummaryChart(Font.SANS_SERIF, LABELS);

    @RegisterExtension
    final LogCapture log = LogCapture.of(DailySummaryComposer.class);

    @Test
    void drawsOneBarPerFigureInItsUnitsColourWithHeightsInProportion() throws IOException {
        List<DistrictBar> bars = List.of(bar("锦江区", 196, 15, 3, 4283), bar("龙泉驿区", 88, 0, 12, 600),
                bar("高新区", 0, 40, 0, 0), new DistrictBar("简阳市", Map.of(), 120));

        BufferedImage image = read(chart.render(DAY, bars));

        assertThat(image.getWidth()).isEqualTo(SummaryChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(SummaryChart.HEIGHT);
        // left to right in the caller's order; a zero or missing figure draws no bar
        assertProportional(barHeights(image, HOUSEHOLDS), 196, 88);
        assertProportional(barHeights(image, PERSON_TIMES), 15, 40);
        assertProportional(barHeights(image, TIMES), 3, 12);
        assertProportional(barHeights(image, MATERIALS), 4283, 600, 120);
    }

    @Test
    void drawsAllTwentyThreeDistrictsInOrderAsASmallPng() throws IOException {
        List<DistrictBar> bars = new ArrayList<>();
        long[] households = new long[DISTRICTS.size()];
        long[] materials = new long[DISTRICTS.size()];
        for (int i = 0; i < DISTRICTS.size(); i++) {
            households[i] = 20 + 17L * i;
            materials[i] = 150L * (i + 1);
            bars.add(bar(DISTRICTS.get(i), households[i], 5L * (i % 7), i % 3, materials[i]));
        }

        byte[] png = chart.render(DAY, bars);

        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(SummaryChart.WIDTH);
        assertProportional(barHeights(image, HOUSEHOLDS), households);
        assertProportional(barHeights(image, MATERIALS), materials);
        assertThat(png.length).isLessThan(300 * 1024);
    }

    @Test
    void rendersTheNoReportsMessageForADayWithoutFigures() throws IOException {
        BufferedImage empty = read(chart.render(DAY, List.of()));
        BufferedImage allZero = read(chart.render(DAY, List.of(new DistrictBar("锦江区", Map.of("户", 0L), 0))));

        assertThat(empty.getHeight()).isEqualTo(SummaryChart.HEIGHT);
        assertThat(allZero.getHeight()).isEqualTo(SummaryChart.HEIGHT);
        // the same message picture for both, and not a chart: one real bar draws
        // something else
        BufferedImage oneBar = read(chart.render(DAY, List.of(bar("锦江区", 196, 0, 0, 0))));
        assertThat(pixels(allZero)).as("all-zero figures draw the no-reports picture").isEqualTo(pixels(empty));
        assertThat(pixels(oneBar)).isNotEqualTo(pixels(empty));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /**
     * The bars drawn in one colour, left to right, as their heights in pixels. Bars are
     * the runs of that exact colour (the chart draws without shape anti-aliasing) that
     * stand on the most common bottom row, the panel's baseline; the legend's swatch of
     * the same colour stands lower and is left out.
     */
    private static List<Integer> barHeights(BufferedImage image, Color colour) {
        Map<Integer, Map<Integer, Integer>> runsByBottom = new TreeMap<>();
        for (int x = 0; x < image.getWidth(); x++) {
            int run = 0;
            for (int y = 0; y <= image.getHeight(); y++) {
                if (y < image.getHeight() && image.getRGB(x, y) == colour.getRGB()) {
                    run++;
                    continue;
                }
                if (run > 0) {
                    runsByBottom.computeIfAbsent(y - 1, bottom -> new TreeMap<>()).merge(x, run, Math::max);
                }
                run = 0;
            }
        }
        Map<Integer, Integer> onBaseline = runsByBottom.values()
            .stream()
            .max(Comparator.comparingInt(Map::size))
            .orElse(Map.of());
        List<Integer> heights = new ArrayList<>();
        int previousX = -2;
        for (Map.Entry<Integer, Integer> column : onBaseline.entrySet()) {
            if (column.getKey() == previousX + 1) {
                heights.set(heights.size() - 1, Math.max(heights.get(heights.size() - 1), column.getValue()));
            }
            else {
                heights.add(column.getValue());
            }
            previousX = column.getKey();
        }
        return heights;
    }

    /**
     * One bar per figure, each as high as its figure on the scale of the tallest (the
     * value axis starts at zero), within the two pixels that rounding to whole pixels can
     * cost.
     */
    private static void assertProportional(List<Integer> heights, long... figures) {
        assertThat(heights).as("bar heights in pixels").hasSize(figures.length);
        long largest = Arrays.stream(figures).max().orElseThrow();
        int tallest = heights.stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (int i = 0; i < figures.length; i++) {
            assertThat((double) heights.get(i)).as("bar %d of %s for %s", i, heights, Arrays.toString(figures))
                .isCloseTo((double) tallest * figures[i] / largest, within(2.0));
        }
    }

    @Test
    void chineseLabelsDrawRealGlyphsNotMissingGlyphBoxes() {
        Font font = new Font(new SummaryChart(TestServices.chineseFont(), LABELS).fontFamily(), Font.PLAIN, 24);
        String label = "锦江区";

        assertThat(font.canDisplayUpTo(label)).as("%s draws %s", font.getFamily(), label).isEqualTo(-1);
        int[] box = draw(font,
                font.createGlyphVector(canvas().getFontRenderContext(), new int[] { font.getMissingGlyphCode() }));
        for (char c : label.toCharArray()) {
            int[] glyph = draw(font, font.createGlyphVector(canvas().getFontRenderContext(), String.valueOf(c)));
            assertThat(Arrays.stream(glyph).filter(p -> p != WHITE).count()).as("ink of %s", c).isPositive();
            assertThat(glyph).as("%s drawn with %s", c, font.getFamily()).isNotEqualTo(box);
        }
    }

    @Test
    void theInstalledChineseFamilyIsAPreferredOneThatDrawsChinese() {
        String family = TestServices.chineseFont();
        List<String> installed = Arrays
            .asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ENGLISH));

        assertThat(family).isIn(CjkFont.PREFERRED).isIn(installed);
        assertThat(CjkFont.drawsChinese(family)).isTrue();
    }

    @Test
    void fontFinderTakesPreferredFamiliesInOrderThenAnyThatDrawsChinese() {
        Predicate<String> drawsChinese = family -> family.startsWith("WenQuanYi") || family.startsWith("Noto");

        assertThat(CjkFont.choose(List.of("DejaVu Sans", "Noto Sans SC", "Noto Sans CJK SC"), drawsChinese))
            .contains("Noto Sans CJK SC");
        assertThat(CjkFont.choose(List.of("DejaVu Sans", "WenQuanYi Zen Hei Sharp"), drawsChinese))
            .contains("WenQuanYi Zen Hei Sharp");
        assertThat(CjkFont.choose(List.of("DejaVu Sans", "AR PL UMing CN"), family -> family.startsWith("AR PL")))
            .contains("AR PL UMing CN");
        assertThat(CjkFont.choose(List.of("DejaVu Sans", "Liberation Serif"), drawsChinese)).isEmpty();
    }

    @Test
    void withoutAChineseFontThereIsNoChartAndOneWarningSaysWhatToInstall() {
        assertThat(DailySummaryComposer.chart(true, Optional::empty, LABELS)).isNull();
        assertThat(log.warnings()).singleElement()
            .asString()
            .startsWith("No Chinese font is installed")
            .contains("apt-get install fonts-wqy-zenhei")
            .contains("TALLYBOT_SUMMARY_IMAGES=false");
    }

    @Test
    void withImagesOffNoFontIsLookedUpAndNothingIsSaid() {
        assertThat(DailySummaryComposer.chart(false, () -> {
            throw new AssertionError("fonts looked up with images off");
        }, LABELS)).isNull();
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void withAChineseFontTheChartDrawsWithIt() {
        SummaryChart chosen = DailySummaryComposer.chart(true, () -> Optional.of("WenQuanYi Zen Hei"), LABELS);

        assertThat(chosen).isNotNull();
        assertThat(chosen.fontFamily()).isEqualTo("WenQuanYi Zen Hei");
    }

    @Test
    void districtBarKeepsTheUnitOrderAndRejectsNegativeFigures() {
        Map<String, Long> visits = new LinkedHashMap<>();
        visits.put("次", 3L);
        visits.put("户", 196L);
        DistrictBar bar = new DistrictBar("锦江区", visits, 10);
        visits.put("人次", 15L);

        assertThat(bar.visitsByUnit().keySet()).containsExactly("次", "户");
        assertThatIllegalArgumentException().isThrownBy(() -> new DistrictBar("锦江区", Map.of("户", -1L), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new DistrictBar("锦江区", Map.of(), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new DistrictBar(" ", Map.of(), 1));
    }

    @Test
    void visitSeriesFollowUnitsAndEveryDistrictKeepsItsPlace() {
        List<DistrictBar> bars = List.of(new DistrictBar("简阳市", Map.of(), 120), bar("锦江区", 196, 15, 0, 0));

        var visits = SummaryDatasets.visits(bars, LABELS::visitSeries);

        // JFreeChart's keys are raw lists: compared as arrays, without an unchecked call
        assertThat(visits.getRowKeys().toArray()).containsExactly("走访（户）", "走访（人次）");
        assertThat(visits.getColumnKeys().toArray()).containsExactly("简阳市", "锦江区");
        assertThat(visits.getValue("走访（户）", "简阳市")).isNull();
        assertThat(SummaryDatasets.materials(bars, LABELS.materials()).getValue(LABELS.materials(), "锦江区")).isNull();
    }

    private static DistrictBar bar(String district, long households, long personTimes, long times, long materials) {
        Map<String, Long> visits = new LinkedHashMap<>();
        visits.put("户", households);
        visits.put("人次", personTimes);
        visits.put("次", times);
        return new DistrictBar(district, visits, materials);
    }

    private static BufferedImage read(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a decodable PNG").isNotNull();
        return image;
    }

    private static Graphics2D canvas() {
        return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    }

    /**
     * The pixels of one glyph drawn black on white, to compare a character with the
     * missing-glyph box.
     */
    private static int[] draw(Font font, GlyphVector glyphs) {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 48, 48);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawGlyphVector(glyphs, 8, 36);
        g.dispose();
        return image.getRGB(0, 0, 48, 48, null, 0, 48);
    }

}
