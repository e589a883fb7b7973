package cn.cdsw.tallybot.report;

/**
 * A member bound to a unit (#绑定), with the name they last reported under (their id when
 * they never reported): whom a reminder mentions for the unit.
 */
public record BoundMember(String platform, String senderId, String name, String district, String unit) {
}
