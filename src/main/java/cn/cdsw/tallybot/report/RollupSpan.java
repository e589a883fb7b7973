package cn.cdsw.tallybot.report;

import java.time.LocalDate;

/**
 * The keys of the rollup tables (docs/storage.md §7): every active record counts once in
 * its day, its dekad (旬) and its month, each a row keyed by span and period. For an
 * activity date of 2026-11-28:
 *
 * <pre>
 * span  period        covers
 * D     2026-11-28    the day
 * T     2026-11-3     the dekad: -1 for days 1-10, -2 for 11-20, -3 for 21 to the month's end
 * M     2026-11       the month
 * </pre>
 *
 * Periods are cut from the ISO date text, so within one span they sort as their days do
 * and a range of periods is a range scan. The one home of this encoding:
 * {@link RollupRepository} writes it with {@link #PERIOD_SQL}, {@code query/} reads it
 * with {@link #period}, and {@code RollupSpanTests} checks that the two agree (migrations
 * V5 and V6 back-filled with the same expression, which {@code RollupTotalsPropertyTests}
 * checks).
 */
public enum RollupSpan {

    DAY("D"), DEKAD("T"), MONTH("M");

    /**
     * The spans as a three-row table {@code s(span)}, to be cross-joined with the
     * records: one output row per record and span.
     */
    static final String SPANS_SQL = "(SELECT 'D' AS span UNION ALL SELECT 'T' UNION ALL SELECT 'M') AS s";

    /**
     * The period of record {@code r}'s {@code activity_date} in span {@code s.span}:
     * {@link #period} in SQL.
     */
    static final String PERIOD_SQL = """
            CASE s.span WHEN 'D' THEN r.activity_date
                        WHEN 'M' THEN substr(r.activity_date, 1, 7)
                        ELSE substr(r.activity_date, 1, 8) || CASE WHEN substr(r.activity_date, 9, 2) <= '10' THEN '1'
                                                                   WHEN substr(r.activity_date, 9, 2) <= '20' THEN '2'
                                                                   ELSE '3' END END""";

    private final String key;

    RollupSpan(String key) {
        this.key = key;
    }

    /** The value of the {@code span} column. */
    public String key() {
        return key;
    }

    /** The value of the {@code period} column for the rows {@code day} counts in. */
    public String period(LocalDate day) {
        String iso = day.toString();
        return switch (this) {
            case DAY -> iso;
            case DEKAD -> iso.substring(0, 8) + Math.min(3, (day.getDayOfMonth() - 1) / 10 + 1);
            case MONTH -> iso.substring(0, 7);
        };
    }

}
