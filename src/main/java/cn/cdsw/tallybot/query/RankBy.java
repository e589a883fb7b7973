package cn.cdsw.tallybot.query;

/**
 * What a ranking orders by: one metric in one unit (figures in different units are never
 * added), the materials total, the money value, or the number of reports. How a reply
 * heads the ranking (走访（户）, 物资) is the wording module's, from the metric's label and the
 * configured units.
 * <p>
 * Sealed so that each kind holds exactly what it needs: only a metric has a key and a
 * unit. Callers tell the kinds apart with {@code instanceof} (pattern matching in
 * {@code switch} is not available on Java 17, docs/style.md §6).
 */
public sealed interface RankBy permits RankBy.Metric, RankBy.Materials, RankBy.Value, RankBy.Reports {

    /** One metric ({@code visits}) counted in one of its units ({@code 户}). */
    record Metric(String key, String unit) implements RankBy {
    }

    /** The materials total of each report, in pieces. */
    record Materials() implements RankBy {
    }

    /** The money value of each report, in yuan. */
    record Value() implements RankBy {
    }

    /** The number of active reports. */
    record Reports() implements RankBy {
    }

}
