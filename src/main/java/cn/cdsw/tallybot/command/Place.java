package cn.cdsw.tallybot.command;

import org.jspecify.annotations.Nullable;

/** An answer to "请补充区县": a district and perhaps a unit. */
public record Place(String district, @Nullable String unit) {
}
