package cn.cdsw.tallybot.query;

import java.math.BigDecimal;

/**
 * One line of a ranking: a district or unit and its figure; {@code approx} when a metric
 * figure behind it was approximate (materials, money and report counts are never).
 */
public record RankEntry(String name, BigDecimal value, boolean approx) {
}
