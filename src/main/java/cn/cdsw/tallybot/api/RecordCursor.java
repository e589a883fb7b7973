package cn.cdsw.tallybot.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * The {@code cursor} of the record listing: where the next page starts, as the last id a
 * page returned. It is opaque to clients (base64url of {@code after:<id>}) so that the
 * API may later key pages on something else without breaking anyone who only hands
 * {@code next} back; the listing reads {@code id > last} in id order, never an offset, so
 * a page costs the same wherever it lies and a record stored meanwhile is not returned
 * twice. Anything that is not such a value is a 400 naming the parameter.
 */
final class RecordCursor {

    /** Before every record: ids are positive on both databases. */
    static final long START = 0;

    private static final String PREFIX = "after:";

    /** Longer than any cursor this class writes; a pasted document is not decoded. */
    private static final int MAX_LENGTH = 64;

    private RecordCursor() {
    }

    static String after(long lastId) {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id the page starts after; {@link #START} when no cursor is given. */
    static long parse(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        String text = cursor.trim();
        try {
            if (text.length() <= MAX_LENGTH) {
                String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
                if (decoded.startsWith(PREFIX)) {
                    long id = Long.parseLong(decoded.substring(PREFIX.length()));
                    if (id >= START) {
                        return id;
                    }
                }
            }
        }
        catch (IllegalArgumentException notOurs) {
            // falls through to the refusal below: NumberFormatException is one too
        }
        throw new BadParameterException("cursor",
                "cursor must be the 'next' value of a previous page, as it was given; leave it out for the first page");
    }

}
