package cn.cdsw.tallybot.platform.onebot;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Friend requests and group invitations ({@code post_type: request}): the bot neither
 * approves nor refuses them, because who may write to it in private, and which groups it
 * sits in, is the account owner's decision, made in QQ (docs/platforms.md §14). Each one
 * is logged at INFO, so the owner can tell why someone waits, and answered 204, which
 * leaves the request open in QQ. The request's comment is not logged: it is free text
 * from anyone on QQ.
 */
final class OneBotRequests {

    private static final Logger log = LoggerFactory.getLogger(OneBotRequests.class);

    private OneBotRequests() {
    }

    /** Logs a friend request or a group invitation; false for any other request. */
    static boolean logged(OneBotEvent event) {
        String type = Objects.requireNonNullElse(event.requestType(), "");
        if ("friend".equals(type)) {
            log.info("QQ friend request from {} to account {} left to the account owner: tallybot answers friends "
                    + "in private once the owner accepts them in QQ", event.userId(), event.selfId());
            return true;
        }
        if ("group".equals(type)) {
            log.info(
                    "QQ group request ({}) from {} for group {} to account {} left to the account owner: add the "
                            + "group to bot-config/groups.yml once the account is in it",
                    event.subType(), event.userId(), event.groupId(), event.selfId());
            return true;
        }
        return false;
    }

}
