package cn.cdsw.tallybot.platform;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the bot says back to a group: plain Chinese text, optionally with a PNG image
 * (base64, no prefix), and, for an answer sent on its own rather than in the webhook
 * response, the message it answers, so the platform can quote it (otherwise, in a busy
 * group, nobody can tell whose report a confirmation belongs to). {@code mentions} are
 * the members the message calls on after its text: a platform that can mention renders
 * them as mentions (OneBot {@code at} segments), any other appends their names
 * ({@link #textWithNames}). A reply with a {@code file} is that file, uploaded to the
 * chat (only through a platform's API); its text then only names it in logs.
 */
public record Reply(String text, @Nullable String imagePngBase64, @Nullable Quote quote, List<Mention> mentions,
        @Nullable ChatFile file) {

    public Reply {
        Objects.requireNonNull(text, "text");
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public Reply(String text, @Nullable String imagePngBase64, @Nullable Quote quote, List<Mention> mentions) {
        this(text, imagePngBase64, quote, mentions, null);
    }

    public Reply(String text, @Nullable String imagePngBase64, @Nullable Quote quote) {
        this(text, imagePngBase64, quote, List.of(), null);
    }

    public Reply(String text, @Nullable String imagePngBase64) {
        this(text, imagePngBase64, null);
    }

    /** The file, to be uploaded to the chat. */
    public static Reply file(ChatFile file) {
        return new Reply(file.name(), null, null, List.of(), file);
    }

    public static Reply text(String text) {
        return new Reply(text, null, null);
    }

    /** This reply, quoting {@code quote}. */
    public Reply quoting(Quote quote) {
        return new Reply(text, imagePngBase64, quote, mentions, file);
    }

    /** This reply, mentioning {@code mentions} after its text. */
    public Reply mentioning(List<Mention> mentions) {
        return new Reply(text, imagePngBase64, quote, mentions, file);
    }

    /**
     * The text with the mentioned members' names after it ({@code @张三 @李四}), for a
     * platform that cannot mention; the text alone when nobody is mentioned.
     */
    public String textWithNames() {
        if (mentions.isEmpty()) {
            return text;
        }
        StringBuilder line = new StringBuilder(text).append('\n');
        for (Mention mention : mentions) {
            line.append('@').append(mention.name()).append(' ');
        }
        return line.toString().stripTrailing();
    }

    /**
     * A member to call on: their id on the platform and the name to show where the
     * platform cannot mention.
     */
    public record Mention(String userId, String name) {
        public Mention {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The message a reply answers: its id and its sender, in the platform's terms. */
    public record Quote(String messageId, String senderId) {
        public Quote {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(senderId, "senderId");
        }
    }

}
