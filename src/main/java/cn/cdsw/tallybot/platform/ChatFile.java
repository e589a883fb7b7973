package cn.cdsw.tallybot.platform;

import java.util.Objects;

/**
 * A file the bot sends into a chat (the Excel ledger): its name as members see it, and
 * its bytes. Held in memory, so only files of bounded size are made into one.
 */
public record ChatFile(String name, byte[] content) {

    public ChatFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a file needs a name");
        }
    }

    @Override
    public String toString() {
        return "ChatFile[" + name + ", " + content.length + " bytes]";
    }

}
