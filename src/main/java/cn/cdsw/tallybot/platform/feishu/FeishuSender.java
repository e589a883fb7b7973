package cn.cdsw.tallybot.platform.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.ReplyRouting;

/**
 * Sends to a Feishu group chat. A reply to a member's message goes out as Feishu's reply
 * to it (quoted in the chat); a post goes to the chat; a chart is uploaded and sent as an
 * image message after the text. Every Feishu reply leaves through here, queued and paced
 * by the core ({@link ReplyRouting}): an event callback has no way to carry an answer.
 */
final class FeishuSender implements ChatSender, ReplyRouting {

    /**
     * Feishu takes text up to 150 KB; a reply is held well below that in characters of
     * three bytes, which is still longer than anyone reads on a phone.
     */
    static final int MAX_TEXT_LENGTH = 30_000;

    private final FeishuApi api;

    FeishuSender(FeishuApi api) {
        this.api = api;
    }

    @Override
    public String platform() {
        return FeishuEventMapper.PLATFORM;
    }

    @Override
    public int maxTextLength() {
        return MAX_TEXT_LENGTH;
    }

    @Override
    public boolean throughApi(String platform) {
        return FeishuEventMapper.PLATFORM.equals(platform);
    }

    @Override
    public void send(GroupRef group, Reply reply) {
        if (!platform().equals(group.platform())) {
            throw new IllegalArgumentException("not a Feishu chat: " + group.platform());
        }
        String text = FeishuJson.MAPPER.writeValueAsString(Map.of("text", withMentions(reply)));
        // a retry after a lost answer, or after the image failed, repeats the text: the
        // same key lets Feishu keep one
        if (reply.quote() != null) {
            api.reply(reply.quote().messageId(), "text", text, uuid("reply", reply.quote().messageId(), reply.text()));
        }
        else {
            api.sendToChat(group.groupId(), "text", text, uuid("text", group.groupId(), reply.text()));
        }
        if (reply.imagePngBase64() != null) {
            String imageKey = api.uploadImage(Base64.getDecoder().decode(reply.imagePngBase64()));
            api.sendToChat(group.groupId(), "image",
                    FeishuJson.MAPPER.writeValueAsString(Map.of("image_key", imageKey)),
                    uuid("image", group.groupId(), reply.imagePngBase64()));
        }
    }

    /**
     * The text, then the members a reminder calls on, mentioned the way Feishu's text
     * messages do ({@code <at user_id="ou_…">name</at>}, by the open id the bot knows
     * them by).
     */
    static String withMentions(Reply reply) {
        if (reply.mentions().isEmpty()) {
            return reply.text();
        }
        StringBuilder text = new StringBuilder(reply.text()).append('\n');
        for (Reply.Mention mention : reply.mentions()) {
            text.append("<at user_id=\"")
                .append(escape(mention.userId()))
                .append("\">")
                .append(escape(mention.name()))
                .append("</at> ");
        }
        return text.toString().stripTrailing();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The same message to the same place always gets the same key (at most 50 characters,
     * as Feishu allows). Scheduled posts differ from day to day and replies quote
     * different messages, so only a true repeat is dropped.
     */
    static String uuid(String kind, String where, String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((kind + "\n" + where + "\n" + content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
