package cn.cdsw.tallybot.wording;

/**
 * #后台: the one-time link to the web desk, and why there is none. A link is a key to the
 * whole ledger for ten minutes, so it is only ever sent in a private chat.
 */
public final class DeskReplies {

    private final Template link;

    private final String privateOnly;

    private final String notSetUp;

    DeskReplies(Catalogue c) {
        link = c.template("desk.link", "minutes", "link");
        privateOnly = c.text("desk.private-only");
        notSetUp = c.text("desk.not-set-up");
    }

    /** The link, and how long it may be opened. */
    public String link(String url, long minutes) {
        return link.fill(Long.toString(minutes), url);
    }

    /** Asked in a group: where to ask instead. The link never goes to a group. */
    public String privateOnly() {
        return privateOnly;
    }

    /** The desk's public address is not configured, so there is no link to give. */
    public String notSetUp() {
        return notSetUp;
    }

}
