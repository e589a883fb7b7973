package cn.cdsw.tallybot.export;

import java.util.Locale;
import java.util.Optional;

/** The two forms of the ledger: the workbook, and the 明细 rows as CSV. */
public enum LedgerFormat {

    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),

    /** UTF-8 with a byte-order mark, without which Excel reads Chinese as mojibake. */
    CSV("csv", "text/csv;charset=UTF-8");

    private final String extension;

    private final String mediaType;

    LedgerFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format named {@code xlsx} or {@code csv}, in any case. */
    public static Optional<LedgerFormat> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (LedgerFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

}
