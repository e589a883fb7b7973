package cn.cdsw.tallybot.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.config.GroupDirectory;
import cn.cdsw.tallybot.outbound.Conversation;
import cn.cdsw.tallybot.outbound.OneOffMessage;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.outbound.Outgoing;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders' entry point (docs/reminders.md §4). {@link #remindDue} is one idempotent
 * tick like the summary's: every summary group gets a {@code pending} claim for each of
 * its slots whose time has come today (while the slot still matters), and every due row
 * is composed and queued in its group's outbound queue, or closed as {@code skipped} when
 * nobody is missing. A restart or a second replica runs the same code and finds the rows
 * claimed, so a slot is never sent twice.
 */
public class ReminderService {

    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

    private final ReminderClaimRepository claims;

    private final ReminderComposer composer;

    private final OutboundService outbound;

    private final GroupDirectory groups;

    private final MuteRepository mutes;

    private final Settings settings;

    /**
     * @param zone the zone of the reminder times
     * @param times the times of groups that set none
     * @param lateAfter how long after its time a reminder may still go out
     * @param retryInitial the first retry's wait, doubling per attempt
     * @param owner this replica
     * @param lease how long a queued row stays this replica's without renewal
     */
    record Settings(ZoneId zone, List<LocalTime> times, Duration lateAfter, Duration retryInitial, String owner,
            Duration lease) {
    }

    ReminderService(ReminderClaimRepository claims, ReminderComposer composer, OutboundService outbound,
            GroupDirectory groups, MuteRepository mutes, Settings settings) {
        this.claims = claims;
        this.composer = composer;
        this.outbound = outbound;
        this.groups = groups;
        this.mutes = mutes;
        this.settings = settings;
    }

    /**
     * Claims and queues whatever reminder is due at {@code now}; never sends a slot
     * twice.
     */
    public void remindDue(Instant now) {
        LocalDate today = now.atZone(settings.zone()).toLocalDate();
        for (GroupConfig group : groups.summaryGroups()) {
            for (LocalTime slot : timesOf(group)) {
                Instant at = instant(today, slot);
                if (!now.isBefore(at) && now.isBefore(at.plus(settings.lateAfter()))
                        && claims.claim(ref(group), today, slot, now)) {
                    log.info("Claimed the reminder {}",
                            new ReminderPost(ref(group), today, slot, "pending", 0, now, now, null).key());
                }
            }
        }
        claims.renew(settings.owner(), now, now.plus(settings.lease()));
        for (ReminderPost post : claims.due(now)) {
            deliver(post, now);
        }
    }

    /**
     * {@code #催报 现在}: composes the group's reminder of today and queues it at once,
     * outside the slots' claims. False when nobody expected today is missing.
     */
    public boolean remindNow(GroupConfig group, Instant now) {
        LocalDate today = now.atZone(settings.zone()).toLocalDate();
        Optional<Reply> reply = composer.compose(group, today);
        if (reply.isEmpty()) {
            return false;
        }
        outbound.submit(new RequestedReminder(ref(group), reply.get(), now, now.plus(settings.lateAfter())));
        return true;
    }

    /** The group's reminder times: its own from groups.yml, else the default. */
    public List<LocalTime> timesOf(GroupConfig group) {
        return group.reminderTimes() != null ? group.reminderTimes() : settings.times();
    }

    /** #免打扰: reminders stop mentioning the member ({@code on}) or mention them again. */
    public void mute(String platform, String senderId, boolean on, Instant now) {
        if (on) {
            mutes.mute(platform, senderId, now);
        }
        else {
            mutes.unmute(platform, senderId);
        }
    }

    private void deliver(ReminderPost post, Instant now) {
        Instant over = instant(post.date(), post.slot()).plus(settings.lateAfter());
        if (!now.isBefore(over)) {
            if (claims.close(post, "abandoned", "not sent within " + settings.lateAfter() + " of its time")) {
                log.warn("Dropped the reminder {}: not sent within {} of its time", post.key(), settings.lateAfter());
            }
            return;
        }
        Optional<GroupConfig> group = groups.find(post.group().platform(), post.group().groupId());
        if (group.isEmpty() || !outbound.serves(post.group().platform())) {
            if (claims.close(post, "abandoned", "no such group or no sender for its platform")) {
                log.warn("Dropped the reminder {}: the group is not configured or its platform has no sender",
                        post.key());
            }
            return;
        }
        Optional<Reply> reply = composer.compose(group.get(), post.date());
        if (reply.isEmpty()) {
            if (claims.close(post, "skipped", "nobody missing")) {
                log.info("No reminder {}: every unit expected has reported", post.key());
            }
            return;
        }
        if (claims.queue(post, settings.owner(), now, now.plus(settings.lease()))) {
            outbound.submit(new QueuedReminder(post, reply.get(), now, over));
        }
    }

    private Instant instant(LocalDate date, LocalTime slot) {
        return date.atTime(slot).atZone(settings.zone()).toInstant();
    }

    private static GroupRef ref(GroupConfig group) {
        return new GroupRef(group.platform(), group.id());
    }

    /** A claimed slot in its group's outbound queue. */
    private final class QueuedReminder implements Outgoing {

        private final ReminderPost post;

        private final Reply reply;

        private final Instant queuedAt;

        private final Instant over;

        QueuedReminder(ReminderPost post, Reply reply, Instant queuedAt, Instant over) {
            this.post = post;
            this.reply = reply;
            this.queuedAt = queuedAt;
            this.over = over;
        }

        @Override
        public Conversation to() {
            return Conversation.of(post.group());
        }

        @Override
        public Instant createdAt() {
            return queuedAt;
        }

        @Override
        public Instant expiresAt() {
            return over;
        }

        @Override
        public Optional<Reply> render(Instant now) {
            return Optional.of(reply);
        }

        @Override
        public boolean claim(Instant now) {
            return claims.take(post, settings.owner());
        }

        @Override
        public void sent(Instant now) {
            if (claims.markSent(post, settings.owner(), now)) {
                log.info("Sent the reminder {} (attempt {})", post.key(), post.attempts() + 1);
            }
        }

        /** The row keeps the retry time; the next tick queues it again. */
        @Override
        public Optional<Instant> failed(String error, boolean retryable, int attempt, Instant now) {
            int attempts = post.attempts() + 1;
            Instant next = now.plus(settings.retryInitial().multipliedBy(1L << Math.min(attempts - 1, 10)));
            if (retryable && next.isBefore(over)) {
                claims.markFailed(post, settings.owner(), next, error);
                log.warn("Reminder {} attempt {} failed, next try at {}: {}", post.key(), attempts, next, error);
            }
            else {
                claims.markAbandoned(post, settings.owner(), error);
                log.error("Gave up the reminder {} after {} attempt(s): {}", post.key(), attempts, error);
            }
            return Optional.empty();
        }

        @Override
        public void dropped(String reason, Instant now) {
            claims.close(post, "abandoned", reason);
        }

        @Override
        public String describe() {
            return "reminder " + post.key();
        }

    }

    /** A coordinator's {@code #催报 现在}: sent once, not retried, claimed by nobody. */
    private static final class RequestedReminder extends OneOffMessage {

        RequestedReminder(GroupRef group, Reply reply, Instant createdAt, Instant expiresAt) {
            super(Conversation.of(group), reply, createdAt, expiresAt);
        }

        @Override
        public String describe() {
            return "requested reminder";
        }

    }

}
