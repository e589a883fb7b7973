package cn.cdsw.tallybot.platform;

import java.time.Duration;

/**
 * Outbound pacing per conversation (a group, or a private chat), at each platform's own
 * pace, shared by all replicas when Redis is configured: DingTalk and WeCom refuse more
 * than 20 messages a minute to one group, and QQ mutes accounts that post in quick
 * succession, so whoever calls a {@link ChatSender} reserves a slot first and sends at it
 * (docs/coordination.md §6). Nothing sleeps for a slot: the outbound queues schedule the
 * send for it. A port of the platform root rather than of {@code coordination}, because
 * adapters send their own API-mode replies and may only depend on this package
 * (ArchitectureTests); {@code coordination} implements it.
 */
public interface SendPacer {

    /**
     * Reserves the next free send slot of {@code group} and returns how long to wait for
     * it; zero means now. A slot is never handed out twice, so at most the configured
     * number of sends start in any window.
     */
    Duration reserve(GroupRef group);

    /**
     * As {@link #reserve(GroupRef)}, for a private chat with {@code user}: its own pace,
     * kept apart from the group with the same number under a key no group id has.
     */
    default Duration reserve(UserRef user) {
        return reserve(new GroupRef(user.platform(), "private:" + user.userId()));
    }

}
