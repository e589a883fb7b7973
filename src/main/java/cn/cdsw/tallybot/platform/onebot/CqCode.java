package cn.cdsw.tallybot.platform.onebot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the CQ-code string form of a message (OneBot spec {@code message/string.md},
 * docs/platforms.md §3): {@code [CQ:type,k1=v1,k2=v2]} between plain text. A {@code [CQ:}
 * without a closing bracket is kept as text, because a real client never sends one and
 * losing the user's words would be worse.
 */
final class CqCode {

    private static final String OPEN = "[CQ:";

    private CqCode() {
    }

    static List<OneBotSegment> parse(String message) {
        List<OneBotSegment> segments = new ArrayList<>();
        int position = 0;
        while (position < message.length()) {
            int open = message.indexOf(OPEN, position);
            int close = open < 0 ? -1 : message.indexOf(']', open);
            if (close < 0) {
                addText(segments, message.substring(position));
                break;
            }
            addText(segments, message.substring(position, open));
            segments.add(code(message.substring(open + OPEN.length(), close)));
            position = close + 1;
        }
        return List.copyOf(segments);
    }

    private static void addText(List<OneBotSegment> segments, String escaped) {
        if (!escaped.isEmpty()) {
            segments.add(OneBotSegment.text(unescape(escaped)));
        }
    }

    /**
     * {@code inner} is {@code type,k1=v1,...}; each parameter splits at its first
     * {@code =}.
     */
    private static OneBotSegment code(String inner) {
        String[] parts = inner.split(",", -1);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                params.put(parts[i].substring(0, eq), unescape(parts[i].substring(eq + 1)));
            }
        }
        return new OneBotSegment(parts[0], params);
    }

    /**
     * Reverse of the spec's escaping; {@code &amp;} goes last so {@code &amp;#91;} stays
     * the text {@code &#91;}.
     */
    static String unescape(String text) {
        return text.replace("&#44;", ",").replace("&#91;", "[").replace("&#93;", "]").replace("&amp;", "&");
    }

}
