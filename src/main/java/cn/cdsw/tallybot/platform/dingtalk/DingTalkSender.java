package cn.cdsw.tallybot.platform.dingtalk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to a DingTalk group (docs/platforms.md §11). A reply to a message leaves through
 * that message's session webhook while it lives; everything else — the daily post, a
 * reply whose webhook has expired or was seen by another replica — through the robot
 * group-send API, which also takes over when a session webhook refuses. A session webhook
 * takes no images, so a post with the summary chart sends its text, then the PNG
 * (uploaded as a media file) as an image message through the API.
 *
 * <p>
 * The outbound queue retries a failed send as a whole. So that a retry after the text
 * went out and the image failed does not post the text twice, this sender remembers, for
 * a day and in this process, which parts of a message were delivered and the media id of
 * its upload, and sends only what is missing.
 */
final class DingTalkSender implements ChatSender {

    private static final Logger log = LoggerFactory.getLogger(DingTalkSender.class);

    /** The group-send API takes a template parameter of at most this many bytes. */
    static final int MAX_PARAM_BYTES = 15_000;

    private final DingTalkApi api;

    private final DingTalkSessions sessions;

    private final String robotCode;

    private final Cache<String, Progress> progress = Caffeine.newBuilder()
        .maximumSize(10_000)
        .expireAfterWrite(Duration.ofDays(1))
        .build();

    DingTalkSender(DingTalkApi api, DingTalkSessions sessions, String robotCode) {
        this.api = api;
        this.sessions = sessions;
        this.robotCode = robotCode;
    }

    @Override
    public String platform() {
        return DingTalkMapper.PLATFORM;
    }

    /**
     * The group-send parameter takes 15,000 bytes, JSON included; a third of that in
     * characters leaves room for three-byte Chinese and the escaping.
     */
    @Override
    public int maxTextLength() {
        return MAX_PARAM_BYTES / 3 - 100;
    }

    @Override
    public void send(GroupRef group, Reply reply) {
        // the members a reminder calls on, by name: the robot cannot mention them by id
        // here
        reply = new Reply(reply.textWithNames(), reply.imagePngBase64(), reply.quote());
        String textParam = json(Map.of("content", reply.text()));
        validate(group, reply, textParam);
        String key = group.groupId() + '\u0000' + reply.text() + '\u0000' + reply.imagePngBase64();
        Progress done = progress.get(key, k -> new Progress());
        synchronized (done) {
            if (reply.imagePngBase64() != null && done.mediaId == null) {
                // uploaded first: a refused upload leaves nothing half-posted
                done.mediaId = api.uploadImage(Base64.getDecoder().decode(reply.imagePngBase64()));
            }
            if (!done.textSent) {
                sendText(group, reply, textParam);
                done.textSent = true;
            }
            if (done.mediaId != null) {
                api.sendToGroup(group.groupId(), robotCode, "sampleImageMsg", json(Map.of("photoURL", done.mediaId)));
            }
        }
        progress.invalidate(key);
    }

    private void sendText(GroupRef group, Reply reply, String textParam) {
        Optional<URI> session = reply.quote() == null ? Optional.empty()
                : sessions.forMessage(reply.quote().messageId());
        if (session.isPresent()) {
            try {
                api.sendBySession(session.get(), Map.of("msgtype", "text", "text", Map.of("content", reply.text())));
                return;
            }
            catch (PlatformCallException e) {
                // a session can end before its stated time; the group-send API
                // reaches the group all the same
                log.info("DingTalk session webhook refused the reply ({}); sending through the group-send API",
                        e.errorCode());
            }
        }
        api.sendToGroup(group.groupId(), robotCode, "sampleText", textParam);
    }

    private void validate(GroupRef group, Reply reply, String textParam) {
        if (!platform().equals(group.platform())) {
            throw new IllegalArgumentException("not a DingTalk group: " + group.platform());
        }
        if (group.groupId().isBlank()) {
            throw new IllegalArgumentException("group id is blank");
        }
        if (reply.text().isBlank()) {
            throw new IllegalArgumentException("reply text is blank");
        }
        int bytes = textParam.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PARAM_BYTES) {
            throw new IllegalArgumentException(
                    "reply text takes " + bytes + " bytes, DingTalk takes " + MAX_PARAM_BYTES + "; split it");
        }
        if (reply.imagePngBase64() != null) {
            try {
                Base64.getDecoder().decode(reply.imagePngBase64());
            }
            catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("reply image is not base64", notBase64);
            }
        }
    }

    private static String json(Map<String, String> param) {
        return DingTalkJson.MAPPER.writeValueAsString(param);
    }

    /** What of one message has reached the group. Guarded by its own monitor. */
    private static final class Progress {

        private @Nullable String mediaId;

        private boolean textSent;

    }

}
