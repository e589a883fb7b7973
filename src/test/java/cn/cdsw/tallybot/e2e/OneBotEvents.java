package cn.cdsw.tallybot.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Builds OneBot v11 event bodies the way NapCat posts them, as exact bytes to sign. */
final class OneBotEvents {

    static final long SELF_ID = 10001000L;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OneBotEvents() {
    }

    /** A group message in array format (NapCat's default). */
    static byte[] groupMessage(String groupId, long messageId, long userId, String role, String text, Instant at) {
        return bytes("time", at.getEpochSecond(), "self_id", SELF_ID, "post_type", "message", "message_type", "group",
                "sub_type", "normal", "message_id", messageId, "group_id", Long.parseLong(groupId), "user_id", userId,
                "message", List.of(Map.of("type", "text", "data", Map.of("text", text))), "sender",
                Map.of("user_id", userId, "nickname", "社工" + userId, "card", "", "role", role));
    }

    /** The same kind of message in CQ-string format, as go-cqhttp posts by default. */
    static byte[] groupMessageAsCqString(String groupId, long messageId, long userId, String cq, Instant at) {
        return bytes("time", at.getEpochSecond(), "self_id", SELF_ID, "post_type", "message", "message_type", "group",
                "sub_type", "normal", "message_id", messageId, "group_id", Long.parseLong(groupId), "user_id", userId,
                "message", cq, "raw_message", cq, "sender",
                Map.of("user_id", userId, "nickname", "社工" + userId, "role", "member"));
    }

    /**
     * A private message in array format; {@code subType} {@code friend}, or {@code group}
     * for a temporary session started from a group.
     */
    static byte[] privateMessage(long userId, long messageId, String subType, String text, Instant at) {
        return bytes("time", at.getEpochSecond(), "self_id", SELF_ID, "post_type", "message", "message_type", "private",
                "sub_type", subType, "message_id", messageId, "user_id", userId, "message",
                List.of(Map.of("type", "text", "data", Map.of("text", text))), "raw_message", text, "font", 0, "sender",
                Map.of("user_id", userId, "nickname", "社工" + userId, "sex", "unknown", "age", 0));
    }

    /** A friend request, as QQ passes one on when someone asks to add the bot. */
    static byte[] friendRequest(long userId, Instant at) {
        return bytes("time", at.getEpochSecond(), "self_id", SELF_ID, "post_type", "request", "request_type", "friend",
                "user_id", userId, "comment", "我是锦江区的社工", "flag", "flag-" + userId);
    }

    static byte[] recall(String groupId, long messageId, long userId, Instant at) {
        return bytes("time", at.getEpochSecond(), "self_id", SELF_ID, "post_type", "notice", "notice_type",
                "group_recall", "group_id", Long.parseLong(groupId), "user_id", userId, "operator_id", userId,
                "message_id", messageId);
    }

    static byte[] heartbeat(Instant at) {
        return bytes("time", at.getEpochSecond(), "self_id", SELF_ID, "post_type", "meta_event", "meta_event_type",
                "heartbeat", "interval", 5000, "status", Map.of("online", true));
    }

    static byte[] raw(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Key/value pairs in order, since events have more fields than {@code Map.of} takes.
     */
    private static byte[] bytes(Object... pairs) {
        Map<Object, Object> event = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            event.put(pairs[i], pairs[i + 1]);
        }
        return JSON.writeValueAsBytes(event);
    }

}
