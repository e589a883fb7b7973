package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.command.ParseResult;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.storage.AfterCommit;
import cn.cdsw.tallybot.storage.LedgerUnavailableException;
import cn.cdsw.tallybot.wording.Wording;

/**
 * The flow of one message (docs/architecture.md §2): known group → already handled? →
 * parse → dispatch → reply, with the work and its reply committed together. Nothing here
 * knows which platform the message came from.
 */
@Service
class MessagePipeline implements InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(MessagePipeline.class);

    private static final int LOGGED_REPLY = 60;

    private final MessageReader reader;

    private final ReplyLog replyLog;

    private final CommandQuota quota;

    private final CommandDispatcher dispatcher;

    private final ReportCommands reports;

    private final ReportMetrics reportMetrics;

    private final Wording wording;

    private final ReplyLength replyLength;

    private final Clock clock;

    /**
     * {@code reports} besides the dispatcher because a plain message can be the answer to
     * a question that {@code #上报} asked, and a recall can take back the record a report
     * made.
     */
    MessagePipeline(MessageReader reader, ReplyLog replyLog, CommandQuota quota, CommandDispatcher dispatcher,
            ReportCommands reports, ReportMetrics reportMetrics, Wording wording, ReplyLength replyLength,
            Clock clock) {
        this.reader = reader;
        this.replyLog = replyLog;
        this.quota = quota;
        this.dispatcher = dispatcher;
        this.reports = reports;
        this.reportMetrics = reportMetrics;
        this.wording = wording;
        this.replyLength = replyLength;
        this.clock = clock;
    }

    @Override
    public Optional<Reply> onMessage(ChatMessage message) {
        if (!reader.serves(message)) {
            log.debug("message from unconfigured group {}:{} ignored", message.platform(), message.groupId());
            return Optional.empty();
        }
        Optional<HandledMessage> previous = replyLog.previous(message);
        if (previous.isPresent()) {
            log.info("redelivered message answered as before");
            return Optional.ofNullable(previous.get().replyText()).map(text -> fitted(text, message));
        }
        Turn turn = reader.turn(message);
        ParseResult result = reader.parse(turn);
        try {
            return reply(result, turn).map(text -> fitted(text, message));
        }
        catch (LedgerUnavailableException e) {
            // nothing of the message was stored and no reply recorded, so a redelivery or
            // the member's resend is handled afresh (docs/storage.md §11); the ledger
            // logged why
            log.info("message not stored, sender asked to send again ({})", e.reason());
            return Optional.of(Reply.text(e.reason() == LedgerUnavailableException.Reason.BUSY
                    ? wording.commandRefusals().storageBusy() : wording.commandRefusals().storageUnavailable()));
        }
    }

    /**
     * Every reply leaves here, so this is where it is held to the platform's length (a
     * reply recorded before the limit existed included).
     */
    private Reply fitted(String text, ChatMessage message) {
        return Reply.text(replyLength.fit(text, message));
    }

    private Optional<String> reply(ParseResult result, Turn turn) {
        ChatMessage message = turn.message();
        // in private every message is answered, so every one counts: two bots that answer
        // each other stop at the limit
        if (!(result instanceof ParseResult.NotACommand) || message.isPrivate()) {
            Optional<Duration> wait = quota.check(message);
            if (wait.isPresent()) {
                log.info("command refused: sender over the rate limit");
                return replyLog.once(message, () -> {
                    if (isReport(result)) {
                        AfterCommit.run(reportMetrics::rateLimited);
                    }
                    return Optional.of(quota.tooFast(wait.get()));
                }, clock.instant().plus(wait.get()));
            }
        }
        if (result instanceof ParseResult.Parsed parsed) {
            reports.forget(message);
            Supplier<Optional<String>> work = () -> dispatcher.dispatch(parsed.command(), turn);
            Optional<String> reply;
            try {
                reply = CommandDispatcher.readOnly(parsed.command()) ? replyLog.answer(message, work)
                        : replyLog.once(message, work);
            }
            catch (QueryTimeoutException e) {
                // nothing was stored, not even the reply: a redelivery is handled afresh
                log.warn("command {} stopped at the statement timeout; answered 'try again later'",
                        parsed.command().getClass().getSimpleName());
                return Optional.of(dispatcher.tooSlow());
            }
            log.info("command {} answered: {}", parsed.command().getClass().getSimpleName(), firstLine(reply));
            return reply;
        }
        if (result instanceof ParseResult.Rejected rejected) {
            log.info("command refused ({}) at fragment '{}'", rejected.reason().tag(), rejected.fragment());
            return replyLog.once(message, () -> {
                if (rejected.command() == CommandType.REPORT) {
                    AfterCommit.run(() -> reportMetrics.refused(rejected.reason()));
                }
                return Optional.of(dispatcher.refusal(rejected));
            });
        }
        if (reports.awaitsAnswer(message)) {
            return replyLog.once(message, () -> reports.answer(turn));
        }
        if (message.isPrivate()) {
            // everything in a private chat is said to the bot: what it cannot read
            // gets the overview of what it can
            return replyLog.answer(message, () -> Optional.of(dispatcher.help(new Command.Help(null), turn)));
        }
        return Optional.empty();
    }

    private static boolean isReport(ParseResult result) {
        if (result instanceof ParseResult.Parsed parsed) {
            return parsed.command() instanceof Command.Report || parsed.command() instanceof Command.ProsePending;
        }
        return result instanceof ParseResult.Rejected rejected && rejected.command() == CommandType.REPORT;
    }

    /**
     * The reply's first line, cut short: it names the record id an operator looks for,
     * not the whole text.
     */
    private static String firstLine(Optional<String> reply) {
        String line = reply.map(r -> r.lines().findFirst().orElse("")).orElse("(silent)");
        return line.length() > LOGGED_REPLY ? line.substring(0, LOGGED_REPLY) + "…" : line;
    }

    @Override
    public void onRecall(MessageRecall recall) {
        Optional<?> retracted;
        try {
            retracted = reports.recall(recall);
        }
        catch (LedgerUnavailableException e) {
            // a notice has nobody to answer, and OneBot sends it once whatever the answer
            log.warn("recall of message {} in {}:{} not applied: the database could not store it ({})",
                    recall.messageId(), recall.platform(), recall.groupId(), e.reason());
            return;
        }
        log.info("recall of message {} in {}:{} {}", recall.messageId(), recall.platform(), recall.groupId(),
                retracted.isPresent() ? "retracted its record" : "touched no record");
    }

}
