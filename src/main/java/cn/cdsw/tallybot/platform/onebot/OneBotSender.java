package cn.cdsw.tallybot.platform.onebot;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import cn.cdsw.tallybot.platform.ChatFile;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.platform.UserRef;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Sends to a QQ group with the OneBot action {@code send_group_msg} (docs/platforms.md
 * §7), and in a private chat with {@code send_private_msg} (§14), always as a segment
 * array so nothing needs CQ escaping; a file goes with {@code upload_group_file} or
 * {@code upload_private_file} (§15). The action travels over the WebSocket of the account
 * last seen in the group (or written to by the user) when one is connected, else over the
 * HTTP API when {@code api-url} is set, else over any connected account
 * (docs/platforms.md §10). Refusals become {@link PlatformCallException}: transport
 * errors, timeouts, 5xx and 429 are retryable; other HTTP errors and a {@code failed}
 * envelope are not. No retry happens here: the caller decides, and only summary delivery
 * retries, so no post can go out twice through retries stacked in two places.
 */
final class OneBotSender implements ChatSender {

    /**
     * QQ refuses or silently cuts a text message somewhere above this (the limit is not
     * published and varies by client); splitting a long summary is the caller's job.
     */
    static final int MAX_TEXT_LENGTH = ChatSender.DEFAULT_MAX_TEXT_LENGTH;

    static final String SEND_GROUP_MSG = "send_group_msg";

    static final String SEND_PRIVATE_MSG = "send_private_msg";

    static final String UPLOAD_GROUP_FILE = "upload_group_file";

    static final String UPLOAD_PRIVATE_FILE = "upload_private_file";

    private final @Nullable OneBotActions http;

    private final OneBotConnections connections;

    OneBotSender(@Nullable OneBotActions http, OneBotConnections connections) {
        this.http = http;
        this.connections = connections;
    }

    /** Over the HTTP API only, as before any WebSocket was configured. */
    OneBotSender(OkHttpClient sharedClient, URI apiUrl, @Nullable String accessToken) {
        this(new OneBotHttpActions(sharedClient, apiUrl, accessToken), new OneBotConnections());
    }

    @Override
    public String platform() {
        return OneBotEventMapper.PLATFORM;
    }

    @Override
    public int maxTextLength() {
        return MAX_TEXT_LENGTH;
    }

    @Override
    public boolean sendsFiles() {
        return true;
    }

    @Override
    public void send(GroupRef group, Reply reply) {
        ChatFile file = reply.file();
        if (file != null) {
            upload(group, file);
            return;
        }
        validate(group, reply);
        transport(group.groupId()).call(SEND_GROUP_MSG,
                new SendGroupMsg(idValue(group.groupId()), OneBotSegment.of(reply), false));
    }

    /**
     * A temporary session (a non-friend writing from a group) is answered the same way,
     * by user id: the implementation finds the session (NapCat looks it up).
     */
    @Override
    public void sendPrivate(UserRef user, Reply reply) {
        if (!platform().equals(user.platform())) {
            throw new IllegalArgumentException("not a OneBot user: " + user.platform());
        }
        if (user.userId().isBlank()) {
            throw new IllegalArgumentException("user id is blank");
        }
        ChatFile file = reply.file();
        if (file != null) {
            transport(connections.forUser(user.userId())).call(UPLOAD_PRIVATE_FILE,
                    new UploadPrivateFile(idValue(user.userId()), base64(file), file.name()));
            return;
        }
        validate(reply);
        transport(connections.forUser(user.userId())).call(SEND_PRIVATE_MSG,
                new SendPrivateMsg(idValue(user.userId()), OneBotSegment.of(reply), false));
    }

    /**
     * {@code upload_group_file}; like {@code upload_private_file}, the go-cqhttp
     * extension NapCat implements (docs/platforms.md §15).
     */
    private void upload(GroupRef group, ChatFile file) {
        if (!platform().equals(group.platform()) || group.groupId().isBlank()) {
            throw new IllegalArgumentException("not a OneBot group: " + group);
        }
        transport(group.groupId()).call(UPLOAD_GROUP_FILE,
                new UploadGroupFile(idValue(group.groupId()), base64(file), file.name()));
    }

    /**
     * The bytes as {@code base64://…}, which NapCat takes over the HTTP API and both
     * WebSockets alike and which needs no path the implementation shares with the bot.
     */
    private static String base64(ChatFile file) {
        return "base64://" + Base64.getEncoder().encodeToString(file.content());
    }

    private OneBotActions transport(String groupId) {
        return transport(connections.forGroup(groupId));
    }

    private OneBotActions transport(Optional<OneBotWsConnection> account) {
        OneBotActions written = account.orElse(null);
        if (written != null) {
            return written;
        }
        if (http != null) {
            return http;
        }
        return connections.any()
            .orElseThrow(() -> new PlatformCallException(platform(), 0, "no_connection", true,
                    "no OneBot account is connected over WebSocket and no HTTP API is set"));
    }

    private void validate(GroupRef group, Reply reply) {
        if (!platform().equals(group.platform())) {
            throw new IllegalArgumentException("not a OneBot group: " + group.platform());
        }
        if (group.groupId().isBlank()) {
            throw new IllegalArgumentException("group id is blank");
        }
        validate(reply);
    }

    private static void validate(Reply reply) {
        if (reply.text().isBlank()) {
            throw new IllegalArgumentException("reply text is blank");
        }
        int length = reply.text().codePointCount(0, reply.text().length());
        if (length > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "reply text has " + length + " characters, QQ takes about " + MAX_TEXT_LENGTH + "; split it");
        }
    }

    /**
     * The spec types group_id and user_id as int64; a non-numeric id is passed through as
     * text rather than guessed at.
     */
    private static Object idValue(String id) {
        try {
            return Long.parseLong(id);
        }
        catch (NumberFormatException notNumeric) {
            return id;
        }
    }

    @JsonPropertyOrder({ "group_id", "file", "name" })
    record UploadGroupFile(@JsonProperty("group_id") Object groupId, @JsonProperty("file") String file,
            @JsonProperty("name") String name) {

        /** The bytes stay out of logs and exception messages. */
        @Override
        public String toString() {
            return "UploadGroupFile[" + groupId + ", " + name + "]";
        }
    }

    @JsonPropertyOrder({ "user_id", "file", "name" })
    record UploadPrivateFile(@JsonProperty("user_id") Object userId, @JsonProperty("file") String file,
            @JsonProperty("name") String name) {

        /** The bytes stay out of logs and exception messages. */
        @Override
        public String toString() {
            return "UploadPrivateFile[" + userId + ", " + name + "]";
        }
    }

    @JsonPropertyOrder({ "group_id", "message", "auto_escape" })
    record SendGroupMsg(@JsonProperty("group_id") Object groupId, @JsonProperty("message") List<OneBotSegment> message,
            @JsonProperty("auto_escape") boolean autoEscape) {
    }

    @JsonPropertyOrder({ "user_id", "message", "auto_escape" })
    record SendPrivateMsg(@JsonProperty("user_id") Object userId, @JsonProperty("message") List<OneBotSegment> message,
            @JsonProperty("auto_escape") boolean autoEscape) {
    }

}
