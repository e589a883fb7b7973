package cn.cdsw.tallybot.platform.dingtalk;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session webhooks of recent messages, by message id, so that the reply to a message
 * leaves through its own {@code sessionWebhook} while that lives (docs/platforms.md §11).
 * Kept in this process only: a reply sent by another replica, after a restart, or once
 * the webhook has expired goes through the group-send API instead, which always works.
 *
 * <p>
 * A callback's signature does not cover its body, so a webhook URL is only taken when it
 * points at one of the configured DingTalk hosts: otherwise a replayed signature with a
 * forged body could make the bot post replies to any address.
 */
final class DingTalkSessions {

    private static final Logger log = LoggerFactory.getLogger(DingTalkSessions.class);

    /** DingTalk gives a session about 90 minutes; nothing older is worth keeping. */
    private static final Duration KEPT = Duration.ofHours(2);

    private final List<URI> allowedBases;

    private final Clock clock;

    private final Duration margin;

    private final Cache<String, Session> byMessage = Caffeine.newBuilder()
        .maximumSize(50_000)
        .expireAfterWrite(KEPT)
        .build();

    DingTalkSessions(List<URI> allowedBases, Clock clock, Duration margin) {
        this.allowedBases = List.copyOf(allowedBases);
        this.clock = clock;
        this.margin = margin;
    }

    /** Remembers the session webhook of message {@code messageId}, if it is usable. */
    void remember(String messageId, @Nullable String webhook, @Nullable Long expiresAtMillis) {
        if (webhook == null || webhook.isBlank() || expiresAtMillis == null) {
            return;
        }
        URI url;
        try {
            url = URI.create(webhook.strip());
        }
        catch (IllegalArgumentException notAUrl) {
            log.debug("DingTalk sessionWebhook ignored: not a URL");
            return;
        }
        if (allowedBases.stream().noneMatch(base -> sameOrigin(url, base))) {
            log.warn("DingTalk sessionWebhook ignored: it points at none of the configured DingTalk hosts");
            return;
        }
        byMessage.put(messageId, new Session(url, Instant.ofEpochMilli(expiresAtMillis)));
    }

    /**
     * The live session webhook of {@code messageId}, unless it expires within the margin.
     */
    Optional<URI> forMessage(String messageId) {
        Session session = byMessage.getIfPresent(messageId);
        if (session == null || !clock.instant().plus(margin).isBefore(session.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(session.url());
    }

    private static boolean sameOrigin(URI url, URI allowedBase) {
        return Objects.equals(url.getScheme(), allowedBase.getScheme())
                && allowedBase.getHost().equalsIgnoreCase(Objects.requireNonNullElse(url.getHost(), ""))
                && port(url) == port(allowedBase);
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    private record Session(URI url, Instant expiresAt) {
    }

}
