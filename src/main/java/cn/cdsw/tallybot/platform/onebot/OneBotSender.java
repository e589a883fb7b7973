package cn.cdsw.tallybot.platform.onebot;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Sends to a QQ group through the OneBot HTTP API, {@code POST {api-url}/send_group_msg}
 * (docs/platforms.md §7), always as a segment array so nothing needs CQ escaping.
 * Refusals become {@link PlatformCallException}: transport errors, 5xx and 429 are
 * retryable; other HTTP errors and a {@code failed} envelope are not. No retry happens
 * here: the caller decides, and only summary delivery retries, so no post can go out
 * twice through retries stacked in two places.
 */
final class OneBotSender implements ChatSender {

    /** QQ refuses text much above this; splitting a long summary is the caller's job. */
    static final int MAX_TEXT_LENGTH = 4500;

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;

    private final HttpUrl sendGroupMsg;

    OneBotSender(OkHttpClient sharedClient, URI apiUrl, @Nullable String accessToken) {
        OkHttpClient.Builder builder = sharedClient.newBuilder();
        if (accessToken != null) {
            // The token goes in an interceptor so no call site can forget it.
            builder.addInterceptor(chain -> chain
                .proceed(chain.request().newBuilder().header("Authorization", "Bearer " + accessToken).build()));
        }
        this.client = builder.build();
        this.sendGroupMsg = HttpUrl.get(apiUrl.toString()).newBuilder().addPathSegment("send_group_msg").build();
    }

    @Override
    public String platform() {
        return OneBotEventMapper.PLATFORM;
    }

    @Override
    public void send(GroupRef group, Reply reply) {
        validate(group, reply);
        byte[] body = OneBotJson.MAPPER
            .writeValueAsBytes(new SendGroupMsg(groupIdValue(group.groupId()), OneBotSegment.of(reply), false));
        Request request = new Request.Builder().url(sendGroupMsg).post(RequestBody.create(body, JSON)).build();
        try (Response response = client.newCall(request).execute()) {
            OneBotApiResponse.check(response);
        }
        catch (IOException e) {
            throw new PlatformCallException(platform(), 0, "io", true,
                    "send_group_msg failed before a response: " + e.getMessage(), e);
        }
    }

    private void validate(GroupRef group, Reply reply) {
        if (!platform().equals(group.platform())) {
            throw new IllegalArgumentException("not a OneBot group: " + group.platform());
        }
        if (group.groupId().isBlank()) {
            throw new IllegalArgumentException("group id is blank");
        }
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
     * The spec types group_id as int64; a non-numeric id is passed through as text rather
     * than guessed at.
     */
    private static Object groupIdValue(String groupId) {
        try {
            return Long.parseLong(groupId);
        }
        catch (NumberFormatException notNumeric) {
            return groupId;
        }
    }

    @JsonPropertyOrder({ "group_id", "message", "auto_escape" })
    record SendGroupMsg(@JsonProperty("group_id") Object groupId, @JsonProperty("message") List<OneBotSegment> message,
            @JsonProperty("auto_escape") boolean autoEscape) {
    }

}
