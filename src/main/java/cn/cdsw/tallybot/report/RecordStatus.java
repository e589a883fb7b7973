package cn.cdsw.tallybot.report;

import java.util.Locale;

/** Life cycle of an activity record; only {@link #ACTIVE} records count in totals. */
public enum RecordStatus {

    ACTIVE, RETRACTED, SUPERSEDED;

    /** The lower-case name used in JSON and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

}
