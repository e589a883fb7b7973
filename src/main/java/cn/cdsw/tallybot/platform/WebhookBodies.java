package cn.cdsw.tallybot.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a webhook's body for the adapters that take it whole (DingTalk, WeCom, Feishu):
 * never more than {@code maxBytes} are buffered, whether the client declared a larger
 * Content-Length or sends more than it declared (a chunked body declares none).
 */
public final class WebhookBodies {

    private WebhookBodies() {
    }

    /**
     * The body, or empty when it is larger than {@code maxBytes} (then the caller answers
     * 413 and need not read further).
     */
    public static Optional<byte[]> read(HttpServletRequest request, int maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        return body.length > maxBytes ? Optional.empty() : Optional.of(body);
    }

}
