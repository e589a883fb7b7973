package cn.cdsw.tallybot.platform.onebot;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OneBot settings, bound from {@code tallybot.onebot.*} or the environment
 * ({@code TALLYBOT_ONEBOT_SECRET}, {@code TALLYBOT_ONEBOT_API_URL},
 * {@code TALLYBOT_ONEBOT_ACCESS_TOKEN}, {@code TALLYBOT_ONEBOT_MODE},
 * {@code TALLYBOT_ONEBOT_WS_URL}).
 *
 * @param secret HMAC key of {@code X-Signature}; unset means events are accepted
 * unsigned. A blank value counts as unset, because an empty HMAC key authenticates
 * nothing and JCE refuses it anyway.
 * @param apiUrl base URL of the implementation's HTTP API (e.g.
 * {@code http://127.0.0.1:3000}); needed to send proactively (daily summary) and for
 * {@link ReplyMode#API}; blank counts as unset
 * @param accessToken sent as {@code Authorization: Bearer} to the HTTP API and to a
 * forward WebSocket, and required from a reverse WebSocket; blank counts as unset
 * @param replyMode how replies to a message go back, see {@link ReplyMode}
 * @param atSender whether quick-operation replies @ the sender; sent explicitly because
 * go-cqhttp and NapCat default to false while the spec defaults to true
 * (docs/platforms.md §5)
 * @param insecure with no secret, take events from any address instead of only from this
 * machine (loopback); for a closed network where the implementation cannot sign
 * ({@code TALLYBOT_ONEBOT_INSECURE})
 * @param maxBodyBytes larger event bodies are refused with 413, before they are verified
 * or parsed (default 64 KiB)
 * @param bodyTimeout how long a webhook body may take to arrive in full before the
 * request is answered 408 (default 10 s); an implementation on the same host or network
 * sends a whole event in milliseconds, and a slower client only holds a connection, never
 * a request thread, while it sends
 * @param mode how events arrive, one or more of {@link Mode} (default {@code http}); a
 * blank value counts as unset
 * @param wsUrl the implementation's WebSocket server for {@link Mode#WS_FORWARD} (e.g.
 * {@code ws://127.0.0.1:3001}, NapCat's universal endpoint)
 * @param actionTimeout how long an action called over a WebSocket may wait for its answer
 * (default 10 s, the HTTP API's read timeout)
 * @param reconnectInitial first pause before the forward WebSocket dials again after it
 * was lost (default 1 s); the pause doubles on every failed attempt, with jitter
 * @param reconnectMax the longest pause between two attempts (default 1 min)
 */
@ConfigurationProperties("tallybot.onebot")
record OneBotProperties(@Nullable String secret, @Nullable URI apiUrl, @Nullable String accessToken,
        @DefaultValue("QUICK") ReplyMode replyMode, @DefaultValue("false") boolean atSender,
        @DefaultValue("65536") int maxBodyBytes, @DefaultValue("false") boolean insecure,
        @DefaultValue("10s") Duration bodyTimeout, @DefaultValue("http") Set<Mode> mode, @Nullable URI wsUrl,
        @DefaultValue("10s") Duration actionTimeout, @DefaultValue("1s") Duration reconnectInitial,
        @DefaultValue("1m") Duration reconnectMax) {

    OneBotProperties {
        mode = mode == null || mode.isEmpty() ? Set.of(Mode.HTTP) : Set.copyOf(EnumSet.copyOf(mode));
        wsUrl = wsUrl == null || wsUrl.toString().isBlank() ? null : wsUrl;
        if (mode.contains(Mode.WS_FORWARD) && wsUrl == null) {
            throw new IllegalArgumentException(
                    "tallybot.onebot.mode=ws-forward needs tallybot.onebot.ws-url (TALLYBOT_ONEBOT_WS_URL)");
        }
        if (wsUrl != null && !("ws".equals(wsUrl.getScheme()) || "wss".equals(wsUrl.getScheme()))) {
            throw new IllegalArgumentException("tallybot.onebot.ws-url must be a ws(s) URL");
        }
        for (Duration positive : new Duration[] { actionTimeout, reconnectInitial, reconnectMax }) {
            if (positive.isNegative() || positive.isZero()) {
                throw new IllegalArgumentException(
                        "tallybot.onebot.action-timeout, reconnect-initial and reconnect-max must be positive");
            }
        }
        if (reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new IllegalArgumentException("tallybot.onebot.reconnect-max must not be below reconnect-initial");
        }
        secret = blankToNull(secret);
        accessToken = blankToNull(accessToken);
        apiUrl = apiUrl == null || apiUrl.toString().isBlank() ? null : apiUrl;
        if (replyMode == ReplyMode.API && apiUrl == null) {
            throw new IllegalArgumentException(
                    "tallybot.onebot.reply-mode=API needs tallybot.onebot.api-url (TALLYBOT_ONEBOT_API_URL)");
        }
        if (apiUrl != null && !("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme()))) {
            throw new IllegalArgumentException("tallybot.onebot.api-url must be an http(s) URL");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("tallybot.onebot.max-body-bytes must be positive");
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("tallybot.onebot.body-timeout must be positive");
        }
    }

    /**
     * Keeps the secret and the access token out of logs and failure analyses, which print
     * bound properties.
     */
    @Override
    public String toString() {
        return "OneBotProperties[secret=" + masked(secret) + ", apiUrl=" + apiUrl + ", accessToken="
                + masked(accessToken) + ", replyMode=" + replyMode + ", atSender=" + atSender + ", maxBodyBytes="
                + maxBodyBytes + ", insecure=" + insecure + ", bodyTimeout=" + bodyTimeout + ", mode=" + mode
                + ", wsUrl=" + withoutQuery(wsUrl) + ", actionTimeout=" + actionTimeout + ", reconnectInitial="
                + reconnectInitial + ", reconnectMax=" + reconnectMax + "]";
    }

    /**
     * The URL as it may be logged: a query could carry {@code access_token}, so it is
     * left out.
     */
    static @Nullable String withoutQuery(@Nullable URI url) {
        if (url == null) {
            return null;
        }
        String text = url.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query) + "?…";
    }

    private static String masked(@Nullable String value) {
        return value == null ? "unset" : "******";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether events may arrive over a WebSocket, reverse or forward. */
    boolean usesWebSocket() {
        return mode.contains(Mode.WS_REVERSE) || mode.contains(Mode.WS_FORWARD);
    }

    /**
     * How events reach the bot (docs/platforms.md §10); any combination may be on at
     * once. The HTTP API for sending is a setting of its own ({@code api-url}).
     */
    enum Mode {

        /** The implementation posts each event to {@code POST /webhook/onebot}. */
        HTTP,
        /**
         * The implementation dials {@code /onebot/v11/ws} (or the split {@code /event}
         * and {@code /api} pair) with the access token.
         */
        WS_REVERSE,
        /** The bot dials the implementation's WebSocket server at {@code ws-url}. */
        WS_FORWARD

    }

    /** Where a reply to an inbound message goes. */
    enum ReplyMode {

        /**
         * In the webhook response body (quick operation); no API needed, but
         * Lagrange.OneBot ignores it.
         */
        QUICK,
        /**
         * Through {@code send_group_msg}, after the webhook has answered 204; works with
         * every implementation.
         */
        API

    }
}
