package cn.cdsw.tallybot.platform.onebot;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides at the handshake who may open a reverse WebSocket (docs/platforms.md §10). With
 * {@code access-token} set, the implementation must present it as
 * {@code Authorization: Bearer <token>} or {@code ?access_token=<token>}; anything else
 * is a 401 before the upgrade, so no frame of an unproven client is ever read. Without a
 * token the connection proves nothing, so like the webhook without a secret only this
 * machine may connect ({@link OneBotSources}, 403), unless {@code insecure} is set.
 *
 * <p>
 * Also notes the account ({@code X-Self-ID}) and the connection's role: the path's
 * {@code /event} or {@code /api} suffix, else {@code X-Client-Role}, else
 * {@code Universal}.
 */
final class OneBotHandshake implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OneBotHandshake.class);

    static final String SELF_ID = "onebot.selfId";

    static final String ROLE = "onebot.role";

    /** A QQ number; anything else in the header is ignored rather than trusted. */
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{1,20}");

    /** One line for the first refusal and then one per this many. */
    private static final long LOG_EVERY = 1000;

    /** What a connection carries. */
    enum Role {

        UNIVERSAL, EVENT, API;

        boolean callsActions() {
            return this != EVENT;
        }

    }

    private final byte @Nullable [] token;

    private final OneBotSources sources;

    private final AtomicLong refused = new AtomicLong();

    OneBotHandshake(@Nullable String accessToken, OneBotSources sources) {
        this.token = accessToken == null ? null : accessToken.getBytes(StandardCharsets.UTF_8);
        this.sources = sources;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (token == null) {
            if (!sources.accepts(remoteAddress(request))) {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            }
        }
        else if (!presentsToken(request, token)) {
            long count = refused.incrementAndGet();
            if (count % LOG_EVERY == 1) {
                log.warn("OneBot WebSocket from {} refused: access token missing or wrong ({} refused so far)",
                        remoteAddress(request), count);
            }
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        String selfId = request.getHeaders().getFirst("X-Self-ID");
        if (selfId != null && ACCOUNT.matcher(selfId.strip()).matches()) {
            attributes.put(SELF_ID, selfId.strip());
        }
        attributes.put(ROLE, role(request));
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            @Nullable Exception exception) {
    }

    private static boolean presentsToken(ServerHttpRequest request, byte[] token) {
        for (String presented : presentedTokens(request)) {
            if (MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> presentedTokens(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        String query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("access_token");
        String fromQuery = query == null ? null : URLDecoder.decode(query, StandardCharsets.UTF_8);
        return java.util.stream.Stream.of(bearer, fromQuery).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private static Role role(ServerHttpRequest request) {
        String path = request.getURI().getPath();
        if (path.endsWith("/event")) {
            return Role.EVENT;
        }
        if (path.endsWith("/api")) {
            return Role.API;
        }
        String header = request.getHeaders().getFirst("X-Client-Role");
        if (header == null) {
            return Role.UNIVERSAL;
        }
        return switch (header.strip().toLowerCase(Locale.ROOT)) {
            case "event" -> Role.EVENT;
            case "api" -> Role.API;
            default -> Role.UNIVERSAL;
        };
    }

    private static @Nullable String remoteAddress(ServerHttpRequest request) {
        InetSocketAddress address = request.getRemoteAddress();
        return address == null || address.getAddress() == null ? null : address.getAddress().getHostAddress();
    }

}
