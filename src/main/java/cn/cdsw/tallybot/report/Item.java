package cn.cdsw.tallybot.report;

import java.util.Objects;

/** One itemised material, e.g. 大米224袋. */
public record Item(String name, long quantity, String unit, boolean approx) {
    public Item {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("item needs a name");
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("item " + name + " needs a unit");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("item " + name + " is negative: " + quantity);
        }
    }
}
