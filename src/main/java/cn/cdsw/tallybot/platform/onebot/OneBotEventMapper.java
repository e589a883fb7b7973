package cn.cdsw.tallybot.platform.onebot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.SenderRole;
import org.jspecify.annotations.Nullable;

/**
 * Turns OneBot events into the core's records, so no OneBot type reaches the core. An
 * empty result means a required field is missing, which the webhook answers with 400.
 *
 * <p>
 * The message id is the OneBot {@code message_id} alone, without {@code self_id}: the
 * core de-duplicates on (platform, group_id, message_id), so when two bot accounts sit in
 * one group and both deliver a message, it is counted once (docs/platforms.md §6). This
 * relies on the implementations giving the same message the same id on every account,
 * which holds for one implementation family; mixing families in one group could not be
 * de-duplicated by any key we receive.
 */
final class OneBotEventMapper {

    static final String PLATFORM = "onebot";

    /**
     * How far an event's own time may stray from the server's clock and still be
     * believed.
     */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    OneBotEventMapper(Clock clock) {
        this.clock = clock;
    }

    Optional<ChatMessage> toChatMessage(OneBotEvent event) {
        if (event.groupId() == null || event.groupId().isBlank() || event.userId() == null
                || event.messageId() == null) {
            return Optional.empty();
        }
        List<OneBotSegment> segments = segments(event);
        return Optional.of(new ChatMessage(PLATFORM, event.groupId(), event.userId(), senderName(event.sender()),
                role(event.sender()), event.messageId(), text(segments), mentions(segments, event.selfId()),
                sentAt(event)));
    }

    /**
     * A private message (sub_type {@code friend}, {@code group} for a temporary session
     * started from a group, or {@code other}): all of them are a chat with the sender. A
     * {@code group_id} a temporary session may carry is not kept: the reply goes to the
     * user, and the implementation finds the session (docs/platforms.md §14). The role is
     * never read, so a group's owner or admin counts as an ordinary member in private.
     */
    Optional<ChatMessage> toPrivateMessage(OneBotEvent event) {
        if (event.userId() == null || event.userId().isBlank() || event.messageId() == null) {
            return Optional.empty();
        }
        List<OneBotSegment> segments = segments(event);
        return Optional.of(ChatMessage.inPrivate(PLATFORM, event.userId(), senderName(event.sender()),
                event.messageId(), text(segments), sentAt(event)));
    }

    private static List<OneBotSegment> segments(OneBotEvent event) {
        return event.message() != null && !event.message().isNull() ? OneBotSegment.listFrom(event.message())
                : CqCode.parse(Objects.requireNonNullElse(event.rawMessage(), ""));
    }

    /**
     * {@code operator_id} defaults to the sender: a missing operator can only mean a
     * self-recall.
     */
    Optional<MessageRecall> toRecall(OneBotEvent event) {
        if (event.groupId() == null || event.userId() == null || event.messageId() == null) {
            return Optional.empty();
        }
        String operator = Objects.requireNonNullElse(event.operatorId(), event.userId());
        return Optional.of(new MessageRecall(PLATFORM, event.groupId(), event.messageId(), event.userId(), operator,
                sentAt(event)));
    }

    /**
     * Only text segments carry words; @, faces, images and quotes are markup the core
     * does not read.
     */
    static String text(List<OneBotSegment> segments) {
        StringBuilder text = new StringBuilder();
        for (OneBotSegment segment : segments) {
            if ("text".equals(segment.type()) && segment.param("text") != null) {
                text.append(segment.param("text"));
            }
        }
        return text.toString().strip();
    }

    static boolean mentions(List<OneBotSegment> segments, @Nullable String selfId) {
        return selfId != null && segments.stream().anyMatch(s -> "at".equals(s.type()) && selfId.equals(s.param("qq")));
    }

    private static String senderName(OneBotEvent.@Nullable Sender sender) {
        if (sender == null) {
            return "";
        }
        if (sender.card() != null && !sender.card().isBlank()) {
            return sender.card();
        }
        return Objects.requireNonNullElse(sender.nickname(), "");
    }

    private static SenderRole role(OneBotEvent.@Nullable Sender sender) {
        String role = sender == null ? null : sender.role();
        if ("owner".equals(role)) {
            return SenderRole.OWNER;
        }
        return "admin".equals(role) ? SenderRole.ADMIN : SenderRole.MEMBER;
    }

    /**
     * The event's {@code time} (seconds) where it is within {@link #SKEW} of this
     * server's clock, else the clock. The time decides a report's day, the backdating
     * window and the no-future rule, so it must not be whatever the sender wrote:
     * {@code time=0} would file a record in 1970 and a millisecond value one in the year
     * 58883. A few minutes cover clock drift and an implementation's retries; beyond that
     * the server's clock is the truth.
     */
    Instant sentAt(OneBotEvent event) {
        Instant now = clock.instant();
        Long time = event.time();
        if (time == null || Math.abs(time - now.getEpochSecond()) > SKEW.toSeconds()) {
            return now;
        }
        return Instant.ofEpochSecond(time);
    }

}
