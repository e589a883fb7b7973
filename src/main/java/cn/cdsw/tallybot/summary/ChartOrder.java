package cn.cdsw.tallybot.summary;

/**
 * How the chart lists the districts ({@code tallybot.summary.chart-order}): by the
 * charted figure, largest first, so the chart reads as a ranking; or in the official
 * order of districts.yml, so a district is always in the same place.
 */
public enum ChartOrder {

    FIGURE, OFFICIAL

}
