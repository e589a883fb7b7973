package cn.cdsw.tallybot.platform.wecom;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to a WeCom group (docs/platforms.md §12). A reply to a robot message goes to that
 * message's {@code response_url} as markdown (WeCom takes one answer there, within an
 * hour); everything else — the daily post, a reply whose {@code response_url} is gone
 * (another replica, a restart) — goes through the group's robot webhook as text, cut at
 * line ends into pieces WeCom takes, then the image as Base64 with the MD5 of its bytes.
 * A reply already given in a self-built app's callback response is not sent again. No
 * retry happens here: the outbound queue decides.
 */
final class WeComSender implements ChatSender {

    private static final Logger log = LoggerFactory.getLogger(WeComSender.class);

    /** The webhook's text limit, in UTF-8 bytes. */
    static final int TEXT_BYTES = 2048;

    /** The markdown limit of a {@code response_url} answer, in UTF-8 bytes. */
    static final int MARKDOWN_BYTES = 4096;

    /** The webhook's image limit. */
    static final int IMAGE_BYTES = 2 * 1024 * 1024;

    private final WeComRobotApi api;

    private final URI apiUrl;

    private final @Nullable URI webhookUrl;

    private final Map<String, URI> webhooks;

    private final ExpiringKeys<URI> responseUrls;

    private final ExpiringKeys<Boolean> answeredInResponse;

    WeComSender(WeComRobotApi api, WeComProperties properties, ExpiringKeys<URI> responseUrls,
            ExpiringKeys<Boolean> answeredInResponse) {
        this.api = api;
        this.apiUrl = properties.apiUrl();
        this.webhookUrl = properties.webhookUrl();
        this.webhooks = properties.webhooks();
        this.responseUrls = responseUrls;
        this.answeredInResponse = answeredInResponse;
    }

    @Override
    public String platform() {
        return WeComMessageMapper.PLATFORM;
    }

    /**
     * A reply through {@code response_url} is cut at 4,096 bytes; three bytes a Chinese
     * character keeps every reply whole there (posts through the webhook are split at
     * line ends instead).
     */
    @Override
    public int maxTextLength() {
        return MARKDOWN_BYTES / 3;
    }

    @Override
    public void send(GroupRef group, Reply reply) {
        // the members a reminder calls on, by name: the robot cannot mention them by id
        // here
        reply = new Reply(reply.textWithNames(), reply.imagePngBase64(), reply.quote());
        validate(group, reply);
        byte[] image = image(reply);
        Reply.Quote quote = reply.quote();
        Optional<URI> webhook = webhook(group.groupId());
        if (quote != null) {
            String key = ExpiringKeys.key(group.groupId(), quote.messageId());
            if (answeredInResponse.take(key).isPresent()) {
                log.debug("WeCom reply already given in the callback's response");
                return;
            }
            Optional<URI> responseUrl = responseUrls.take(key);
            if (responseUrl.isPresent() && (webhook.isEmpty() || fits(reply.text(), MARKDOWN_BYTES))) {
                answer(responseUrl.get(), key, reply.text(), webhook.isPresent());
                if (image != null && webhook.isPresent()) {
                    api.post(webhook.get(), imageMessage(image));
                }
                return;
            }
        }
        URI to = webhook.orElseThrow(() -> new PlatformCallException(platform(), 0, "no_webhook", false,
                "no response_url for this message and no robot webhook for the group "
                        + "(TALLYBOT_WECOM_WEBHOOK_URL or tallybot.wecom.webhooks)"));
        for (String piece : pieces(reply.text(), TEXT_BYTES)) {
            api.post(to, Map.of("msgtype", "text", "text", Map.of("content", piece)));
        }
        if (image != null) {
            api.post(to, imageMessage(image));
        }
    }

    /**
     * Answers through the message's {@code response_url}; a failure that may be retried
     * keeps the URL for the retry.
     */
    private void answer(URI responseUrl, String key, String text, boolean webhookLeft) {
        // room for the "…" that says the text goes on
        String content = pieces(text, MARKDOWN_BYTES - 8).get(0);
        if (!content.equals(text)) {
            content = content.stripTrailing() + "\n…";
            log.info("WeCom reply cut to {} bytes for its response_url; no webhook is set for the rest",
                    MARKDOWN_BYTES);
        }
        try {
            api.post(onApiHost(responseUrl), Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
        }
        catch (PlatformCallException e) {
            if (e.retryable()) {
                responseUrls.put(key, responseUrl);
            }
            throw e;
        }
    }

    /**
     * The {@code response_url} on the configured API host: its path and query are kept,
     * so every call leaves for the one host the operator set, whatever a callback said.
     */
    URI onApiHost(URI responseUrl) {
        String base = apiUrl.toString().replaceAll("/+$", "");
        String given = responseUrl.toString();
        if (given.startsWith(base + "/")) {
            return responseUrl;
        }
        String path = responseUrl.getRawPath() == null || responseUrl.getRawPath().isEmpty() ? "/"
                : responseUrl.getRawPath();
        return URI.create(base + path + (responseUrl.getRawQuery() == null ? "" : "?" + responseUrl.getRawQuery()));
    }

    private Optional<URI> webhook(String groupId) {
        URI own = webhooks.get(groupId);
        return Optional.ofNullable(own != null ? own : webhookUrl);
    }

    private void validate(GroupRef group, Reply reply) {
        if (!platform().equals(group.platform())) {
            throw new IllegalArgumentException("not a WeCom group: " + group.platform());
        }
        if (group.groupId().isBlank()) {
            throw new IllegalArgumentException("group id is blank");
        }
        if (reply.text().isBlank()) {
            throw new IllegalArgumentException("reply text is blank");
        }
    }

    private static byte @Nullable [] image(Reply reply) {
        if (reply.imagePngBase64() == null) {
            return null;
        }
        byte[] png = Base64.getDecoder().decode(reply.imagePngBase64());
        if (png.length > IMAGE_BYTES) {
            throw new IllegalArgumentException(
                    "the image has " + png.length + " bytes, a WeCom robot takes " + IMAGE_BYTES);
        }
        return png;
    }

    /** The webhook's image message: Base64 of the file and the hex MD5 of its bytes. */
    static Map<String, Object> imageMessage(byte[] png) {
        try {
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(png));
            return Map.of("msgtype", "image", "image",
                    Map.of("base64", Base64.getEncoder().encodeToString(png), "md5", md5));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static boolean fits(String text, int bytes) {
        return text.getBytes(StandardCharsets.UTF_8).length <= bytes;
    }

    /**
     * {@code text} in pieces of at most {@code bytes} UTF-8 bytes, cut after a line where
     * one ends in reach, else between two code points.
     */
    static List<String> pieces(String text, int bytes) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (!fits(rest, bytes)) {
            int end = longestPrefix(rest, bytes);
            int line = rest.lastIndexOf('\n', end - 1);
            int cut = line > 0 ? line + 1 : end;
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut);
        }
        if (!rest.isBlank() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /**
     * The number of chars of the longest prefix of whole code points within the bytes.
     */
    private static int longestPrefix(String text, int bytes) {
        int used = 0;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > bytes) {
                break;
            }
            used += size;
            index += Character.charCount(codePoint);
        }
        return Math.max(index, 1);
    }

}
