package cn.cdsw.tallybot.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in links for coordinators: {@code <public-url>/login/<token>}, valid for
 * {@code tallybot.web.link-ttl} and redeemable once. Only the token's digest is stored,
 * in the database every replica shares, so a link issued by one replica opens on another;
 * redeeming is one conditional update, so two replicas (or two tabs) opening the same
 * link at once sign in one of them.
 */
@Service
public class LoginLinks {

    private final LoginLinkRepository repository;

    private final WebProperties properties;

    private final Clock clock;

    LoginLinks(LoginLinkRepository repository, WebProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether links can be handed out: the desk's public address is configured. */
    public boolean available() {
        return properties.publicUrl() != null;
    }

    /** How long a link handed out now may be opened. */
    public Duration lifetime() {
        return properties.linkTtl();
    }

    /**
     * A new link for {@code coordinator}; the caller has checked that the account is one.
     * @throws IllegalStateException when {@link #available()} is false
     */
    @Transactional
    public URI issue(Coordinator coordinator) {
        URI base = properties.publicUrl();
        if (base == null) {
            throw new IllegalStateException("tallybot.web.public-url is not set");
        }
        Instant now = clock.instant();
        repository.deleteExpired(now);
        String token = Secrets.fresh();
        repository.insert(Secrets.digest(token), coordinator, now, now.plus(properties.linkTtl()));
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + "/login/" + token);
    }

    /**
     * Whether {@code token} would sign in now (unused, not expired), without using it:
     * what the page behind a link shows before the browser redeems it.
     */
    public boolean open(String token) {
        return Secrets.wellFormed(token) && repository.open(Secrets.digest(token), clock.instant());
    }

    /**
     * Uses {@code token}: the coordinator it was issued to, once; empty when it is
     * unknown, used or expired.
     */
    @Transactional
    public Optional<Coordinator> redeem(String token) {
        if (!Secrets.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = Secrets.digest(token);
        if (!repository.use(hash, clock.instant())) {
            return Optional.empty();
        }
        return repository.owner(hash);
    }

}
