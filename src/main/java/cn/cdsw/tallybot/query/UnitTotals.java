package cn.cdsw.tallybot.query;

/** The figures of one unit of a district; {@code figures.units()} is 1. */
public record UnitTotals(String district, String unit, Figures figures) {
}
