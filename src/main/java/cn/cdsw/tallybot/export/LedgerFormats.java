package cn.cdsw.tallybot.export;

/**
 * The number formats of a ledger. An approximate figure keeps its number and is shown
 * with the approximate format ({@code "约"#,##0}), so sums in Excel still work.
 */
record LedgerFormats(String integer, String approx, String money, String date) {

    static LedgerFormats of(String approxFormat) {
        return new LedgerFormats("#,##0", approxFormat, "#,##0.00", "yyyy-mm-dd");
    }

    /** The format of a whole number, approximate or not. */
    String integer(boolean approximate) {
        return approximate ? approx : integer;
    }

}
