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
import java.nio.file.Files;
import java.nio.file.Path;
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
    void districtsAreOrderedByTheChartedFigureLargestFirstTiesInTheOfficialOrder() {
        List<DistrictBar> official = List.of(bar("锦江区", 12, 0, 0, 40), bar("青羊区", 196, 0, 0, 0),
                bar("金牛区", 12, 0, 0, 900), bar("武侯区", 88, 0, 0, 0), bar("成华区", 12, 0, 0, 40));

        ChartModel model = chart.model(official);

        // 12 户 three times: the larger materials first, then the official order
        assertThat(model.districts()).containsExactly("青羊区", "武侯区", "金牛区", "锦江区", "成华区");
        assertThat(model.panels().get(0).values().keySet()).containsExactlyElementsOf(model.districts());
        assertThat(model.panels().get(1).values().keySet()).containsExactlyElementsOf(model.districts());
    }

    @Test
    void officialOrderKeepsTheOrderOfDistrictsYml() {
        SummaryChart official = new SummaryChart(Font.SANS_SERIF, LABELS, ChartOrder.OFFICIAL);
        List<DistrictBar> bars = List.of(bar("锦江区", 12, 0, 0, 40), bar("青羊区", 196, 0, 0, 0), bar("金牛区", 0, 0, 0, 0));

        assertThat(official.model(bars).districts()).containsExactly("锦江区", "青羊区", "金牛区");
    }

    @Test
    void districtsThatReportedNothingAreShownAsZero() {
        List<DistrictBar> bars = new ArrayList<>();
        DISTRICTS.forEach(d -> bars.add(new DistrictBar(d, Map.of(), 0)));
        bars.set(3, bar("武侯区", 240, 40, 0, 2100));

        ChartModel model = chart.model(bars);

        assertThat(model.districts()).hasSize(23).first().isEqualTo("武侯区");
        for (ChartModel.Panel panel : model.panels()) {
            assertThat(panel.values()).hasSize(23).containsEntry("东部新区", 0L).containsEntry("锦江区", 0L);
            var data = SummaryDatasets.of(panel, "x");
            assertThat(data.getColumnCount()).as("rows of the chart").isEqualTo(23);
            assertThat(data.getValue("x", "东部新区")).isEqualTo(0L);
        }
    }

    @Test
    void eachPanelHoldsOneUnitAndTheOtherVisitUnitsGoToTheLegendLine() {
        List<DistrictBar> bars = List.of(bar("锦江区", 196, 15, 3, 4283), bar("龙泉驿区", 88, 0, 12, 600),
                bar("高新区", 0, 40, 0, 0), new DistrictBar("简阳市", Map.of(), 120));

        ChartModel model = chart.model(bars);

        assertThat(model.panels()).extracting(ChartModel.Panel::kind)
            .containsExactly(ChartModel.Kind.VISITS, ChartModel.Kind.MATERIALS);
        assertThat(model.panels()).extracting(ChartModel.Panel::unit).containsExactly("户", "件");
        // one series a panel: an axis never carries 户 and 人次 together
        for (ChartModel.Panel panel : model.panels()) {
            var data = SummaryDatasets.of(panel,
                    panel.kind() == ChartModel.Kind.VISITS ? LABELS.visitSeries(panel.unit()) : LABELS.materials());
            assertThat(data.getRowCount()).isEqualTo(1);
        }
        assertThat(model.panels().get(0).values()).containsEntry("锦江区", 196L)
            .containsEntry("高新区", 0L)
            .containsEntry("简阳市", 0L);
        assertThat(model.otherVisits()).containsExactly(Map.entry("人次", 55L), Map.entry("次", 15L));
        assertThat(LABELS.otherVisits(model.otherVisits())).isEqualTo("走访另有55人次、15次（单位不同，未画入）");
        // 0户 both: the materials decide
        assertThat(model.districts()).containsExactly("锦江区", "龙泉驿区", "简阳市", "高新区");
    }

    @Test
    void theMainUnitIsTheOneWithTheLargestTotal() {
        List<DistrictBar> bars = List.of(bar("锦江区", 5, 150, 0, 0), bar("青羊区", 10, 0, 0, 0));

        ChartModel model = chart.model(bars);

        assertThat(model.panels().get(0).unit()).isEqualTo("人次");
        assertThat(model.districts()).containsExactly("锦江区", "青羊区");
        assertThat(model.otherVisits()).containsExactly(Map.entry("户", 15L));
    }

    @Test
    void withoutVisitsOnlyTheMaterialsPanelIsDrawnOrderedByMaterials() {
        ChartModel model = chart.model(List.of(new DistrictBar("锦江区", Map.of(), 10),
                new DistrictBar("青羊区", Map.of(), 300), new DistrictBar("金牛区", Map.of(), 0)));

        assertThat(model.panels()).extracting(ChartModel.Panel::unit).containsExactly("件");
        assertThat(model.districts()).containsExactly("青羊区", "锦江区", "金牛区");
    }

    @Test
    void drawsAllTwentyThreeDistrictsOnAPhoneWidthImageAsASmallPng() throws IOException {
        List<DistrictBar> bars = new ArrayList<>();
        for (int i = 0; i < DISTRICTS.size(); i++) {
            bars.add(bar(DISTRICTS.get(i), 20 + 17L * i, 5L * (i % 7), i % 3, 150L * (i + 1)));
        }

        byte[] png = chart.render(DAY, bars);

        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).as("a row of about 58 px per district").isGreaterThan(23 * 50);
        assertThat(png.length).isLessThan(300 * 1024);
    }

    /**
     * The city's evening chart as the groups get it, with the installed Chinese font,
     * written to {@code target/summary-chart.png} for a person to look at beside the web
     * desk's screenshot: what no assertion on pixels can judge (is it legible on a
     * phone?) is judged there.
     */
    @Test
    void theCitysChartWithTheChineseFontIsWrittenUnderTarget() throws IOException {
        SummaryChart withGlyphs = new SummaryChart(TestServices.chineseFont(), LABELS);
        List<DistrictBar> bars = new ArrayList<>();
        for (int i = 0; i < DISTRICTS.size(); i++) {
            // every fourth district reported nothing: shown as zero, at the end
            boolean reported = i % 4 != 3;
            bars.add(reported ? bar(DISTRICTS.get(i), 30 + 41L * ((i * 7) % 23), 8L * (i % 5), 0, 120L * ((i * 5) % 17))
                    : bar(DISTRICTS.get(i), 0, 0, 0, 0));
        }

        byte[] png = withGlyphs.render(DAY, bars);

        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isGreaterThan(SummaryChart.HEIGHT);
        Path file = Path.of("target", "summary-chart.png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
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
