package cn.cdsw.tallybot.query;

/** The figures of one district. */
public record DistrictTotals(String district, Figures figures) {
}
