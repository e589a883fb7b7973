package cn.cdsw.tallybot.conversation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.export.ExportProperties;
import cn.cdsw.tallybot.export.LedgerExporter;
import cn.cdsw.tallybot.export.LedgerFormat;
import cn.cdsw.tallybot.export.LedgerRequest;
import cn.cdsw.tallybot.export.LedgerFile;
import cn.cdsw.tallybot.outbound.Conversation;
import cn.cdsw.tallybot.outbound.OneOffMessage;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.platform.ChatFile;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.storage.AfterCommit;
import cn.cdsw.tallybot.wording.CommandRefusals;
import cn.cdsw.tallybot.wording.LedgerWording;
import cn.cdsw.tallybot.wording.Wording;

/**
 * #导出 [scope] [period]: a coordinator gets the Excel ledger as a file in the chat it was
 * asked in, a group's files or a private chat. The answer says at once how many records
 * it holds; the workbook is made after the command is committed to the reply log, on one
 * thread of its own (one export at a time, however many are asked for), and leaves
 * through the outbound queue of the chat like any other message (docs/commands.md §16). A
 * redelivered #导出 is answered from the log and sends nothing again.
 */
@Component
class ExportCommands implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExportCommands.class);

    /** A ledger that has not gone out within this long is no longer waited for. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private static final int ATTEMPTS = 3;

    private final LedgerExporter exporter;

    private final OutboundService outbound;

    private final List<ChatSender> senders;

    private final ExportProperties properties;

    private final LedgerWording words;

    private final CommandRefusals refusals;

    private final Clock clock;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ledger-export");
        thread.setDaemon(true);
        return thread;
    });

    ExportCommands(LedgerExporter exporter, OutboundService outbound, ObjectProvider<ChatSender> senders,
            ExportProperties properties, Wording wording, Clock clock) {
        this.exporter = exporter;
        this.outbound = outbound;
        this.senders = senders.orderedStream().toList();
        this.properties = properties;
        this.words = wording.ledger();
        this.refusals = wording.commandRefusals();
        this.clock = clock;
    }

    String export(Command.Export command, Turn turn) {
        if (!turn.coordinator()) {
            return refusals.coordinatorsOnly(CommandType.EXPORT);
        }
        String platform = turn.message().platform();
        if (senders.stream().noneMatch(s -> s.platform().equals(platform) && s.sendsFiles())) {
            return words.noFiles();
        }
        LedgerRequest request = new LedgerRequest(command.period().from(), command.period().to(), command.scope());
        long reports = exporter.totals(request).figures().reports();
        if (reports == 0) {
            return words.empty(command.scope(), command.period());
        }
        if (reports > properties.chatMaxRecords()) {
            return words.tooLarge(command.scope(), command.period(), reports, properties.chatMaxRecords());
        }
        boolean inPrivate = turn.message().isPrivate();
        Conversation to = inPrivate ? Conversation.of(turn.message().sender())
                : Conversation.of(turn.message().group());
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        AfterCommit.run(() -> executor.execute(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                send(request, to);
            }
            finally {
                MDC.clear();
            }
        }));
        return words.sending(command.scope(), command.period(), reports, inPrivate);
    }

    private void send(LedgerRequest request, Conversation to) {
        String name = exporter.fileName(request, LedgerFormat.XLSX);
        byte[] content;
        try (LedgerFile workbook = exporter.workbook(request)) {
            CappedBuffer buffer = new CappedBuffer(properties.chatMaxBytes());
            workbook.writeTo(buffer);
            content = buffer.toByteArray();
            log.info("Ledger {} made: {} records, {} bytes", name, workbook.records(), content.length);
        }
        catch (IOException | RuntimeException e) {
            log.warn("Ledger {} for {} could not be made: {}", name, to, e.toString());
            outbound.submit(new Post(to, Reply.text(words.failed(name)), clock.instant(), null));
            return;
        }
        outbound.submit(
                new Post(to, Reply.file(new ChatFile(name, content)), clock.instant(), Reply.text(words.failed(name))));
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    /**
     * A workbook in memory, refused past the chat's limit rather than grown without one.
     */
    private static final class CappedBuffer extends ByteArrayOutputStream {

        private final int cap;

        CappedBuffer(int cap) {
            super(64 * 1024);
            this.cap = cap;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int more) {
            if (count + more > cap) {
                throw new IllegalStateException(
                        "the workbook is larger than tallybot.export.chat-max-bytes (" + cap + " bytes)");
            }
        }

    }

    /**
     * The ledger (or a notice about it) on its way to the chat. It lives in memory only:
     * a restart loses it, and the coordinator asks again. A failed upload is retried only
     * when it never reached the implementation (no connection); one that timed out may
     * still arrive, and a retry would post it twice. When it is given up, the chat is
     * told ({@code onFailure}).
     */
    private final class Post extends OneOffMessage {

        private final @Nullable Reply onFailure;

        Post(Conversation to, Reply reply, Instant createdAt, @Nullable Reply onFailure) {
            super(to, reply, createdAt, createdAt.plus(LIFETIME));
            this.onFailure = onFailure;
        }

        @Override
        public Optional<Instant> failed(String error, boolean retryable, int attempt, Instant now) {
            boolean neverArrived = error.contains(" no_connection:") || error.contains(" closed:")
                    || reply().file() == null;
            if (retryable && neverArrived && attempt < ATTEMPTS) {
                return Optional.of(now.plusSeconds(5L * attempt));
            }
            super.failed(error, retryable, attempt, now);
            if (!error.contains(" timeout:")) {
                tell();
            }
            return Optional.empty();
        }

        @Override
        public String describe() {
            return reply().file() != null ? "ledger " + reply().file().name() : "ledger notice";
        }

        private void tell() {
            if (onFailure != null) {
                outbound.submit(new Post(to(), onFailure, clock.instant(), null));
            }
        }

    }

}
