package cn.cdsw.tallybot.report;

import java.math.BigDecimal;

/**
 * One representation per decimal value, for numbers read from a message and yuan read
 * from the database alike: {@code 12000}, not {@code 12000.0} or {@code 1.2E+4}, so that
 * values compare with {@code equals} and print without an exponent.
 */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Strips trailing zeros without going to a negative scale, whose {@code toString} is
     * exponent notation.
     */
    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

}
