package cn.cdsw.tallybot.web;

/**
 * The chat account a link or a session belongs to: a coordinator when the link was handed
 * out.
 */
public record Coordinator(String platform, String userId, String name) {
}
