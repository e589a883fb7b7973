package cn.cdsw.tallybot.report;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Yuan amounts stored as whole fen, so that storage and SQL sums are exact (a value has
 * at most two decimals, which {@link ReportContent} enforces).
 */
public final class Money {

    private Money() {
    }

    static @Nullable Long yuanToFen(@Nullable BigDecimal yuan) {
        return yuan == null ? null : yuan.movePointRight(2).longValueExact();
    }

    /**
     * The amount in its shortest plain form: 2973950 fen is 29739.5, 412000 fen is 4120
     * (never 4.12E+3).
     */
    static @Nullable BigDecimal fenToYuan(@Nullable Long fen) {
        return fen == null ? null : Decimals.canonical(BigDecimal.valueOf(fen, 2));
    }

}
