package cn.cdsw.tallybot.expectation;

/** A unit of {@code units.yml} expected to report, with its district. */
public record ExpectedUnit(String district, String unit) {

    /** {@code 锦江区·三圣街道社工站}, as records and missing lists name a unit. */
    public String name() {
        return district + "·" + unit;
    }

}
