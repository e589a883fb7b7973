package cn.cdsw.tallybot.command;

import org.jspecify.annotations.Nullable;

/**
 * An answer to the question where a held report belongs: a district, a unit, or both.
 */
public record Place(@Nullable String district, @Nullable String unit) {

    public Place {
        if (district == null && unit == null) {
            throw new IllegalArgumentException("a place names a district, a unit or both");
        }
    }

}
