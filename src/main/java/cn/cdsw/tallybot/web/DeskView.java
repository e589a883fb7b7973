package cn.cdsw.tallybot.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the desk's main page shows, as text and numbers ready to print; the template
 * only lays it out.
 */
public record DeskView(String scope, @Nullable String district, LocalDate today, LocalDate from, LocalDate to,
        String span, FigureCard todayCard, FigureCard periodCard, String visitsUnit, List<DistrictRow> districts,
        List<RankRow> units, Trend trend, LocalDate missingDay, List<String> missing, List<RecordRow> records,
        @Nullable String status, @Nullable Long nextAfter, boolean firstPage, String exportHref,
        @Nullable String chartHref, List<String> districtNames, List<PeriodLink> periods) {

    /** Today as the page writes a day: 11月29日. */
    public String todaySpan() {
        return todayCard.span();
    }

    /**
     * A block of totals: reports, units, each metric in each of its units, materials,
     * value.
     */
    public record FigureCard(String span, long reports, long units, List<MetricCell> metrics, String materials,
            String value, String line) {
    }

    /** One metric in one unit; {@code id} ({@code visits-户}) lets a test find it. */
    public record MetricCell(String id, String label, String unit, String amount, boolean approx) {
    }

    /** A district's line of the table, in ranking order. */
    public record DistrictRow(int rank, String district, long reports, long units, String visits, String materials,
            String value, String href) {
    }

    /**
     * A unit of the chosen district and its reports, materials and main visits figure.
     */
    public record RankRow(int rank, String name, String reports, String visits, String materials) {
    }

    /** One listed record. */
    public record RecordRow(long id, String date, String place, String who, String when, String status, String figures,
            String text) {
    }

    /** A period the page offers as a link. */
    public record PeriodLink(String label, String href, boolean current) {
    }

    /**
     * The 30-day trend as two SVG panels, one per unit: visits in their most used unit,
     * and materials.
     */
    public record Trend(LocalDate from, LocalDate to, Series visits, Series materials) {
    }

    /**
     * One drawn series: its metric's label (null for materials, which the page names),
     * its unit, SVG polyline points in a 600×120 box, the largest value, the sum, and
     * each day's bar.
     */
    public record Series(@Nullable String label, String unit, String points, String max, String total, List<Bar> bars) {
    }

    /** One day of a series, as the screen reader's table and the hover title read it. */
    public record Bar(String day, String amount, double x, double y, double height) {
    }

}
