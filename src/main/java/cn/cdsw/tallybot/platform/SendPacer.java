package cn.cdsw.tallybot.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Outbound pacing per group, shared by all replicas when Redis is configured: DingTalk
 * and WeCom refuse more than 20 messages a minute to one group, so whoever calls a
 * {@link ChatSender} reserves a slot first and waits for it (see docs/coordination.md
 * §6). A port of the platform root rather than of {@code coordination}, because adapters
 * send their own API-mode replies and may only depend on this package
 * (ArchitectureTests); {@code coordination} implements it.
 */
public interface SendPacer {

    /**
     * Reserves the next free send slot of {@code group} and returns how long to wait for
     * it; zero means now. A slot is never handed out twice, so at most the configured
     * number of sends start in any window.
     */
    Duration reserve(GroupRef group);

    /** {@code sender}, waiting for a slot of its group before every send. */
    default ChatSender paced(ChatSender sender) {
        SendPacer pacer = this;
        return new ChatSender() {
            @Override
            public String platform() {
                return sender.platform();
            }

            @Override
            public void send(GroupRef group, Reply reply) {
                awaitSlot(pacer.reserve(group));
                sender.send(group, reply);
            }
        };
    }

    private static void awaitSlot(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a send slot", e);
        }
    }

}
