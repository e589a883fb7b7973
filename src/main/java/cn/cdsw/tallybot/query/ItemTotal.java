package cn.cdsw.tallybot.query;

/** The sum of one material in one unit. */
public record ItemTotal(String name, String unit, long quantity) {
}
