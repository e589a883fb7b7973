package cn.cdsw.tallybot.platform;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the bot says back to a group: plain Chinese text, optionally with a PNG image
 * (base64, no prefix), and, for an answer sent on its own rather than in the webhook
 * response, the message it answers, so the platform can quote it (otherwise, in a busy
 * group, nobody can tell whose report a confirmation belongs to). A reply with a
 * {@code file} is that file, uploaded to the chat (only through a platform's API); its
 * text then only names it in logs.
 */
public record Reply(String text, @Nullable String imagePngBase64, @Nullable Quote quote, @Nullable ChatFile file) {

    public Reply {
        Objects.requireNonNull(text, "text");
    }

    public Reply(String text, @Nullable String imagePngBase64, @Nullable Quote quote) {
        this(text, imagePngBase64, quote, null);
    }

    public Reply(String text, @Nullable String imagePngBase64) {
        this(text, imagePngBase64, null, null);
    }

    /** The file, to be uploaded to the chat. */
    public static Reply file(ChatFile file) {
        return new Reply(file.name(), null, null, file);
    }

    public static Reply text(String text) {
        return new Reply(text, null, null);
    }

    /** This reply, quoting {@code quote}. */
    public Reply quoting(Quote quote) {
        return new Reply(text, imagePngBase64, quote, file);
    }

    /** The message a reply answers: its id and its sender, in the platform's terms. */
    public record Quote(String messageId, String senderId) {
        public Quote {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(senderId, "senderId");
        }
    }
}
