package cn.cdsw.tallybot.platform.onebot;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Replies through {@code send_group_msg} after the webhook has answered 204, so OneBot
 * never waits on the QQ round trip (go-cqhttp posts the event again when its request
 * times out; docs/platforms.md §6). One thread and a bounded queue: replies keep their
 * order, and a stuck API cannot pile up memory; when the queue is full the reply is
 * dropped with a WARN. A failed send is logged, not retried: a retry here would stack on
 * any retry of the caller's and could post a reply twice, so only summary delivery
 * retries.
 */
final class OneBotApiReplies implements OneBotReplies, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OneBotApiReplies.class);
    static final int QUEUE_CAPACITY = 256;

    private final ChatSender sender;

    private final ReplyMetrics metrics;

    private final ThreadPoolExecutor executor;

    OneBotApiReplies(ChatSender sender, ReplyMetrics metrics) {
        this.sender = sender;
        this.metrics = metrics;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                runnable -> {
                    Thread thread = new Thread(runnable, "onebot-api-replies");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public OneBotOutcome reply(ChatMessage message, Reply reply, long receivedNanos) {
        GroupRef group = message.group();
        // the send runs on the reply thread: its log lines carry the message's context
        // like the others
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        try {
            executor.execute(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                try {
                    send(group, message.messageId(), reply, receivedNanos);
                }
                finally {
                    MDC.clear();
                }
            });
        }
        catch (RejectedExecutionException full) {
            metrics.dropped();
            log.warn("OneBot API reply to group {} for message {} dropped: reply queue full or closed", group.groupId(),
                    message.messageId());
        }
        return new OneBotOutcome.Handled();
    }

    private void send(GroupRef group, String messageId, Reply reply, long receivedNanos) {
        try {
            sender.send(group, reply);
            metrics.sent(receivedNanos);
        }
        catch (PlatformCallException e) {
            metrics.failed();
            log.warn("OneBot API reply to group {} for message {} failed: status {}, code {}, retryable {}: {}",
                    group.groupId(), messageId, e.status(), e.errorCode(), e.retryable(), e.getMessage());
        }
        catch (IllegalArgumentException e) {
            metrics.failed();
            log.warn("OneBot API reply to group {} for message {} refused before sending: {}", group.groupId(),
                    messageId, e.getMessage());
        }
    }

    /** Lets queued replies go out on shutdown, within a short grace period. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

}
