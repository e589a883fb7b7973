package cn.cdsw.tallybot.config;

import java.util.Locale;

/**
 * The keyed fields of a report form ({@code 区县：锦江区}), named by the keys of
 * {@code grammar.yml}.
 */
public enum ReportField {

    DISTRICT, UNIT, CATEGORY, DATE, NOTE, MATERIALS, MATERIALS_TOTAL, VALUE;

    public String configKey() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

}
