package cn.cdsw.tallybot.outbound;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.cdsw.tallybot.platform.Reply;

/**
 * A message kept in memory only, claimed by nobody: sent as it is, lost to a restart, and
 * by default not retried (a coordinator's on-demand reminder, a ledger file). For a reply
 * or a post that must survive a crash, the owner keeps a durable row instead.
 */
public abstract class OneOffMessage implements Outgoing {

    private static final Logger log = LoggerFactory.getLogger(OneOffMessage.class);

    private final Conversation to;

    private final Reply reply;

    private final Instant createdAt;

    private final Instant expiresAt;

    protected OneOffMessage(Conversation to, Reply reply, Instant createdAt, Instant expiresAt) {
        this.to = to;
        this.reply = reply;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    @Override
    public Conversation to() {
        return to;
    }

    /** What is sent. */
    protected Reply reply() {
        return reply;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public Optional<Reply> render(Instant now) {
        return Optional.of(reply);
    }

    @Override
    public boolean claim(Instant now) {
        return true;
    }

    @Override
    public void sent(Instant now) {
        log.info("{} sent to {}", describe(), to);
    }

    /** Not tried again: said once at WARN. */
    @Override
    public Optional<Instant> failed(String error, boolean retryable, int attempt, Instant now) {
        log.warn("{} to {} given up after {} attempt(s): {}", describe(), to, attempt, error);
        return Optional.empty();
    }

    @Override
    public void dropped(String reason, Instant now) {
        log.warn("{} to {} not sent: {}", describe(), to, reason);
    }

}
