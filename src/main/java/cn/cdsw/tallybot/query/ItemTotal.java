package cn.cdsw.tallybot.query;

/**
 * The sum of one material in one unit; {@code approx} when a quantity behind it was
 * approximate.
 */
public record ItemTotal(String name, String unit, long quantity, boolean approx) {
}
