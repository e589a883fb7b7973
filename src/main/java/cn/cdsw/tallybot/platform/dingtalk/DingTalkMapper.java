package cn.cdsw.tallybot.platform.dingtalk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import org.jspecify.annotations.Nullable;

/**
 * Turns a group text callback into the core's {@link ChatMessage}; empty when a field a
 * group message cannot do without is missing (the webhook answers 400).
 *
 * <p>
 * The sender is the org user id ({@code senderStaffId}) where DingTalk gives one, because
 * that is the id an operator sees in the admin console and writes into coordinators.yml;
 * a sender from outside the organisation has only the encrypted {@code senderId}.
 * DingTalk reports admins but not the owner, so the role is admin or member.
 */
final class DingTalkMapper {

    static final String PLATFORM = "dingtalk";

    /**
     * How far the message's own time may stray from this server's clock and be believed.
     */
    static final Duration SKEW = Duration.ofMinutes(5);

    /**
     * @-mentions at the start of the text: DingTalk takes out the robot's own @, but a
     * member may @ others before the command, and those are addressing, not words.
     */
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:\\s*@\\S+\\s+)+");

    private final Clock clock;

    DingTalkMapper(Clock clock) {
        this.clock = clock;
    }

    Optional<ChatMessage> toChatMessage(DingTalkCallback callback) {
        String sender = present(callback.senderStaffId()) ? callback.senderStaffId() : callback.senderId();
        if (!present(callback.conversationId()) || !present(callback.msgId()) || !present(sender)) {
            return Optional.empty();
        }
        String content = callback.text() == null || callback.text().content() == null ? "" : callback.text().content();
        SenderRole role = Boolean.TRUE.equals(callback.isAdmin()) ? SenderRole.ADMIN : SenderRole.MEMBER;
        boolean mentioned = callback.isInAtList() == null || callback.isInAtList();
        return Optional.of(new ChatMessage(PLATFORM, callback.conversationId(), sender, callback.senderNick(), role,
                callback.msgId(), text(content), mentioned, sentAt(callback.createAt())));
    }

    static String text(String content) {
        return LEADING_MENTIONS.matcher(content.strip() + " ").replaceFirst("").strip();
    }

    /**
     * {@code createAt} (milliseconds) where it is within {@link #SKEW} of the clock, else
     * the clock: the time picks the report's day and the backdating window, so a sender
     * must not choose it.
     */
    Instant sentAt(@Nullable Long createAt) {
        Instant now = clock.instant();
        if (createAt == null || Math.abs(createAt - now.toEpochMilli()) > SKEW.toMillis()) {
            return now;
        }
        return Instant.ofEpochMilli(createAt);
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

}
