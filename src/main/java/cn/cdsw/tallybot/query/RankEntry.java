package cn.cdsw.tallybot.query;

import java.math.BigDecimal;

/** One line of a ranking: a district or unit and its figure. */
public record RankEntry(String name, BigDecimal value) {
}
