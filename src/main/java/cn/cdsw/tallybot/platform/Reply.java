package cn.cdsw.tallybot.platform;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the bot says back to a group: plain Chinese text, optionally with a PNG image
 * (base64, no prefix).
 */
public record Reply(String text, @Nullable String imagePngBase64) {
    public Reply {
        Objects.requireNonNull(text, "text");
    }

    public static Reply text(String text) {
        return new Reply(text, null);
    }
}
