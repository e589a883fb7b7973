package cn.cdsw.tallybot.wording;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;

/**
 * What only a private chat with the bot says: a member asking for a coordinator's answer,
 * a report from someone not bound yet, and the private versions of replies that speak of
 * "this group" in a group (docs/platforms.md §14).
 */
public final class PrivateChatReplies {

    private final BotConfig config;

    private final Template coordinatorsOnly;

    private final String bindFirst;

    private final String mineNone;

    private final String nothingToRetract;

    PrivateChatReplies(Catalogue c, BotConfig config) {
        this.config = config;
        coordinatorsOnly = c.template("private.coordinators-only", "command");
        bindFirst = c.text("private.bind-first");
        mineNone = c.text("private.mine-none");
        nothingToRetract = c.text("private.nothing-to-retract");
    }

    /**
     * A member asked in private for what only coordinators get there; says what they may
     * do instead.
     */
    public String coordinatorsOnly(CommandType command) {
        return coordinatorsOnly.fill(config.commands().primary(command));
    }

    /** A report in private from a sender without a binding: nothing was stored. */
    public String bindFirst() {
        return bindFirst;
    }

    /** #我的 in private with no record today in any chat. */
    public String mineNone() {
        return mineNone;
    }

    /** #撤回 without an id in private, with no active record sent in private. */
    public String nothingToRetract() {
        return nothingToRetract;
    }

}
