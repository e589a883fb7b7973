package cn.cdsw.tallybot.platform.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import org.jspecify.annotations.Nullable;

/**
 * Turns decrypted WeCom messages into the core's {@link ChatMessage}, so no WeCom type
 * reaches the core. An empty result means a required id is missing (answered 400).
 *
 * <p>
 * A group message's id is WeCom's {@code msgid}; the group is its {@code chatid}. A
 * self-built app has no group chats: its members write to the app, and that conversation
 * is named {@code app:<AgentID>}, which {@code groups.yml} lists like a group. WeCom says
 * nothing of the sender's role, so everyone is a member; coordinators come from
 * {@code coordinators.yml}.
 */
final class WeComMessageMapper {

    static final String PLATFORM = "wecom";

    static final String APP_PREFIX = "app:";

    /** How far a callback's own time may stray from this server's clock. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    WeComMessageMapper(Clock clock) {
        this.clock = clock;
    }

    /** A group message of the intelligent robot. */
    Optional<ChatMessage> fromRobot(WeComRobotMessage message, String words, @Nullable String timestamp) {
        if (blank(message.chatId()) || blank(message.userId()) || blank(message.msgId())) {
            return Optional.empty();
        }
        return Optional.of(new ChatMessage(PLATFORM, message.chatId(), message.userId(), "", SenderRole.MEMBER,
                message.msgId(), withoutMention(words), true, sentAt(timestamp)));
    }

    /**
     * A text message of the XML form: a group robot's ({@code ChatId}) or a self-built
     * app's.
     */
    Optional<ChatMessage> fromXml(WeComXml xml, @Nullable String timestamp) {
        String chatId = xml.text("ChatId");
        String groupId = chatId != null ? chatId : appConversation(xml.text("AgentID"));
        String sender = first(xml.text("From/UserId"), xml.text("FromUserName"));
        String messageId = xml.text("MsgId");
        if (groupId == null || sender == null || messageId == null) {
            return Optional.empty();
        }
        String words = first(xml.text("Content"), xml.text("Text/Content"));
        String name = xml.text("From/Name");
        return Optional.of(new ChatMessage(PLATFORM, groupId, sender, name == null ? "" : name, SenderRole.MEMBER,
                messageId, withoutMention(words == null ? "" : words), true,
                sentAt(first(xml.text("CreateTime"), timestamp))));
    }

    static @Nullable String appConversation(@Nullable String agentId) {
        return agentId == null ? null : APP_PREFIX + agentId.strip();
    }

    /**
     * The text without the leading @-mentions: in a group the robot only hears messages
     * that @ it, and WeCom puts the mention first, followed by a space (often U+2005).
     */
    static String withoutMention(String words) {
        String text = strip(words);
        while (text.startsWith("@")) {
            int end = 1;
            while (end < text.length() && !space(text.charAt(end))) {
                end++;
            }
            if (end == text.length()) {
                return "";
            }
            text = strip(text.substring(end));
        }
        return text;
    }

    /**
     * The callback's own time (seconds) where it is within {@link #SKEW} of this server's
     * clock, else the clock: the time decides a report's day, so it must not be whatever
     * a sender or a replay wrote.
     */
    Instant sentAt(@Nullable String seconds) {
        Instant now = clock.instant();
        if (seconds == null) {
            return now;
        }
        try {
            long time = Long.parseLong(seconds.strip());
            return Math.abs(time - now.getEpochSecond()) > SKEW.toSeconds() ? now : Instant.ofEpochSecond(time);
        }
        catch (NumberFormatException notSeconds) {
            return now;
        }
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && space(text.charAt(start))) {
            start++;
        }
        while (end > start && space(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

}
