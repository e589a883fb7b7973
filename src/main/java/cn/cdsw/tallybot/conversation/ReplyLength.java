package cn.cdsw.tallybot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.wording.QueryReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * The one place that holds every reply to its platform's maximum length (what the
 * platform's adapter says it takes, or the operator's lower {@link ReplyProperties})
 * before it leaves the conversation. Lists are composed to fit already and say how many
 * entries they left out; this is the guard for whatever else could grow — a refusal
 * quoting a long fragment, a record with very many materials, a reply recorded before the
 * limit existed. It keeps whole lines while they fit and ends with a line saying how many
 * were left out; a first line that alone is too long is cut within itself.
 */
@Component
class ReplyLength {

    private final ReplyProperties properties;

    private final Map<String, Integer> platformLimits;

    private final QueryReplies replies;

    ReplyLength(ReplyProperties properties, Wording wording, List<ChatSender> senders) {
        this.properties = properties;
        this.platformLimits = senders.stream()
            .collect(Collectors.toUnmodifiableMap(ChatSender::platform, ChatSender::maxTextLength, Math::min));
        this.replies = wording.queries();
    }

    /** The longest reply that may go back to where {@code message} came from. */
    int limitFor(ChatMessage message) {
        return limitFor(message.platform());
    }

    /** The longest reply that may go to {@code platform}. */
    int limitFor(String platform) {
        int platformLimit = platformLimits.getOrDefault(platform, ChatSender.DEFAULT_MAX_TEXT_LENGTH);
        return Math.min(platformLimit, properties.limitFor(platform).orElse(platformLimit));
    }

    String fit(String reply, ChatMessage message) {
        return fit(reply, limitFor(message));
    }

    String fit(String reply, int limit) {
        if (reply.length() <= limit) {
            return reply;
        }
        List<String> lines = reply.lines().toList();
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String closing = replies.linesLeftOut(lines.size() - i);
            int withLine = length + (kept.isEmpty() ? 0 : 1) + line.length();
            int remainingAfter = lines.size() - i - 1;
            int room = remainingAfter == 0 ? withLine : withLine + 1 + replies.linesLeftOut(remainingAfter).length();
            if (room > limit) {
                if (kept.isEmpty()) {
                    int cut = Math.max(0, limit - 1 - closing.length() - 1);
                    kept.add(cutWithin(line, cut));
                    i++;
                }
                int left = lines.size() - i;
                if (left > 0) {
                    kept.add(replies.linesLeftOut(left));
                }
                return String.join("\n", kept);
            }
            kept.add(line);
            length = withLine;
        }
        return String.join("\n", kept);
    }

    /**
     * At most {@code length} characters and an ellipsis, never splitting a surrogate
     * pair.
     */
    private static String cutWithin(String line, int length) {
        int end = Math.min(length, line.length());
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "…";
    }

}
