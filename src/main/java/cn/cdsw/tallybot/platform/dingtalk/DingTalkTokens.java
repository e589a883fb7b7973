package cn.cdsw.tallybot.platform.dingtalk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.cdsw.tallybot.platform.PlatformCallException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The app's access token from {@code POST /v1.0/oauth2/accessToken} (app key and secret
 * in, {@code accessToken} and {@code expireIn} seconds out), cached and bought anew a
 * margin before it expires, so no send waits on an expired token. Single-flight: while
 * one thread buys a token the others wait for it instead of each buying their own, since
 * DingTalk throttles callers that ask too often.
 */
final class DingTalkTokens {

    private static final Logger log = LoggerFactory.getLogger(DingTalkTokens.class);

    private final OkHttpClient client;

    private final HttpUrl tokenUrl;

    private final String appKey;

    private final String appSecret;

    private final Clock clock;

    private final Duration margin;

    private final Object buying = new Object();

    private volatile @Nullable Token current;

    DingTalkTokens(OkHttpClient client, HttpUrl apiUrl, String appKey, String appSecret, Clock clock, Duration margin) {
        this.client = client;
        this.tokenUrl = apiUrl.newBuilder().addPathSegments("v1.0/oauth2/accessToken").build();
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.clock = clock;
        this.margin = margin;
    }

    /** A token that is valid for at least the margin, bought now if needed. */
    String get() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        synchronized (buying) {
            token = current;
            if (token == null || !clock.instant().isBefore(token.renewAt())) {
                token = buy();
                current = token;
            }
            return token.value();
        }
    }

    /** DingTalk refused {@code token}: the next call buys a new one. */
    void invalidate(String token) {
        synchronized (buying) {
            Token held = current;
            if (held != null && held.value().equals(token)) {
                current = null;
            }
        }
    }

    private Token buy() {
        byte[] body = DingTalkJson.MAPPER.writeValueAsBytes(Map.of("appKey", appKey, "appSecret", appSecret));
        Request request = new Request.Builder().url(tokenUrl).post(RequestBody.create(body, DingTalkJson.TYPE)).build();
        try (Response response = client.newCall(request).execute()) {
            JsonNode answer = DingTalkJson.read(response);
            if (!response.isSuccessful()) {
                throw DingTalkJson.refusal("accessToken", response.code(), answer);
            }
            String value = answer.path("accessToken").asString("");
            long seconds = answer.path("expireIn").asLong(0);
            if (value.isBlank() || seconds <= 0) {
                throw new PlatformCallException(DingTalkMapper.PLATFORM, response.code(), "no_token", true,
                        "accessToken answered without a token or its lifetime");
            }
            Instant now = clock.instant();
            Duration lifetime = Duration.ofSeconds(seconds);
            // a lifetime shorter than twice the margin is renewed half-way instead
            Duration early = margin.multipliedBy(2).compareTo(lifetime) < 0 ? margin : lifetime.dividedBy(2);
            log.info("DingTalk access token bought, valid for {}", lifetime);
            return new Token(value, now.plus(lifetime).minus(early));
        }
        catch (IOException e) {
            throw new PlatformCallException(DingTalkMapper.PLATFORM, 0, "io", true,
                    "accessToken failed before a response: " + e.getMessage(), e);
        }
        catch (JacksonException e) {
            throw new PlatformCallException(DingTalkMapper.PLATFORM, 0, "not_json", true,
                    "accessToken answered with something that is not JSON", e);
        }
    }

    private record Token(String value, Instant renewAt) {
    }

}
