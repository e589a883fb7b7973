package cn.cdsw.tallybot.report;

import java.time.Instant;

/** A sender's remembered district and unit (#绑定), so later reports may omit them. */
public record Binding(String platform, String senderId, String district, String unit, Instant updatedAt) {
}
