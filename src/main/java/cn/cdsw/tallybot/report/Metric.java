package cn.cdsw.tallybot.report;

import java.util.Objects;

/**
 * One reported figure: a metric key from the dictionary, its canonical unit and a
 * whole-number value. {@code approx} marks values written with 余/多/来/左右/约/近; the value is
 * kept as written, only marked, so totals stay sums of what people wrote (docs/domain.md
 * §2).
 */
public record Metric(String key, String unit, long value, boolean approx) {
    public Metric {
        Objects.requireNonNull(key, "key");
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("metric " + key + " needs a unit");
        }
        if (value < 0) {
            throw new IllegalArgumentException("metric " + key + " is negative: " + value);
        }
    }
}
