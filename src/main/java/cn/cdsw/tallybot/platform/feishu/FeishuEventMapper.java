package cn.cdsw.tallybot.platform.feishu;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns the {@code event} of an {@code im.message.receive_v1} callback into a
 * {@link ChatMessage}. The text is a JSON string inside the event whose @-mentions are
 * placeholders ({@code @_user_1}) resolved through {@code mentions}: mentions at the
 * start are the @bot that made Feishu deliver the message and are dropped; any other
 * becomes {@code @name}. The event names no sender: the sender is known by open id, and a
 * coordinator is listed by it in coordinators.yml.
 */
final class FeishuEventMapper {

    static final String PLATFORM = "feishu";

    private static final Pattern PLACEHOLDER = Pattern.compile("@_user_\\d+");

    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(\\s*@_user_\\d+)+\\s*");

    private final Clock clock;

    FeishuEventMapper(Clock clock) {
        this.clock = clock;
    }

    /** A group message, or why the event is left alone. */
    sealed interface Mapped {

        record Group(ChatMessage message) implements Mapped {
        }

        record Skipped(String why) implements Mapped {
        }

    }

    Mapped map(JsonNode event) {
        JsonNode sender = event.path("sender");
        JsonNode message = event.path("message");
        if (!"user".equals(sender.path("sender_type").asString(""))) {
            return new Mapped.Skipped("not sent by a person");
        }
        String chatType = message.path("chat_type").asString("");
        if (!"group".equals(chatType) && !"topic_group".equals(chatType)) {
            return new Mapped.Skipped("a " + chatType + " chat, not a group");
        }
        if (!"text".equals(message.path("message_type").asString(""))) {
            return new Mapped.Skipped("a " + message.path("message_type").asString("") + " message, not text");
        }
        String chatId = message.path("chat_id").asString("");
        String messageId = message.path("message_id").asString("");
        String openId = sender.path("sender_id").path("open_id").asString("");
        if (chatId.isBlank() || messageId.isBlank() || openId.isBlank()) {
            return new Mapped.Skipped("without chat, message or sender id");
        }
        String raw;
        try {
            raw = FeishuJson.MAPPER.readTree(message.path("content").asString("{}")).path("text").asString("");
        }
        catch (JacksonException e) {
            return new Mapped.Skipped("content is not JSON");
        }
        Matcher leading = LEADING_MENTIONS.matcher(raw);
        boolean mentionsBot = leading.find();
        String text = mentionsBot ? raw.substring(leading.end()) : raw;
        text = named(text, message.path("mentions"));
        return new Mapped.Group(new ChatMessage(PLATFORM, chatId, openId, "", SenderRole.MEMBER, messageId,
                text.strip(), mentionsBot, sentAt(message.path("create_time").asString(""))));
    }

    private static String named(String text, JsonNode mentions) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String name = "";
            for (JsonNode mention : mentions) {
                if (placeholder.group().equals(mention.path("key").asString(""))) {
                    name = mention.path("name").asString("");
                }
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(name.isEmpty() ? "" : "@" + name));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private Instant sentAt(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        }
        catch (NumberFormatException e) {
            return clock.instant();
        }
    }

}
