package cn.cdsw.tallybot.report;

/**
 * An active record as a ledger lists it: what it says and who reported it, without the
 * message it came from (a pasted bulletin can be kilobytes, and a year's ledger reads a
 * million records).
 */
public record LedgerEntry(long id, ReportContent content, String reporter) {
}
