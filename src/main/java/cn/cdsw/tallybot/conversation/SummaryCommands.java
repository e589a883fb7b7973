package cn.cdsw.tallybot.conversation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.storage.AfterCommit;
import cn.cdsw.tallybot.summary.DailySummaryService;
import cn.cdsw.tallybot.summary.Delivery;
import cn.cdsw.tallybot.summary.PostKind;
import cn.cdsw.tallybot.wording.ReportSpan;
import cn.cdsw.tallybot.wording.Wording;

/**
 * #日报 [date], #周报 and #月报: a coordinator posts (or re-posts) a day's summary or a week's
 * or month's report now. The post starts only after the command is committed to the reply
 * log, and off the request thread: a redelivered #日报 is answered from the log and never
 * posts twice, and no chat send holds the database.
 */
@Component
class SummaryCommands implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SummaryCommands.class);

    private final DailySummaryService summaries;

    private final BotConfig config;

    private final Wording wording;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "summary-on-demand");
        thread.setDaemon(true);
        return thread;
    });

    SummaryCommands(DailySummaryService summaries, BotConfig config, Wording wording) {
        this.summaries = summaries;
        this.config = config;
        this.wording = wording;
    }

    String post(Command.PostSummary command, Turn turn) {
        if (!turn.coordinator()) {
            return wording.commandRefusals().coordinatorsOnly(CommandType.SUMMARY);
        }
        if (command.date().isAfter(turn.context().today())) {
            return wording.commandRefusals().summaryNotYet(command.date());
        }
        int groups = config.groups().summaryGroups().size();
        if (groups == 0) {
            return wording.commandRefusals().summaryNoGroups();
        }
        // the post runs on its own thread: its log lines carry the #日报 message's context
        // like the others
        afterCommit(() -> {
            List<Delivery> deliveries = summaries.postNow(command.date());
            long queued = deliveries.stream().filter(Delivery::queued).count();
            log.info("on-demand summary of {} queued for {} groups, {} not", command.date(), queued,
                    deliveries.size() - queued);
        });
        return wording.records().summarySending(command.date(), groups);
    }

    /**
     * #周报 / #月报: like #日报 for the report of a week or month that has ended; without a
     * period, the last one that has.
     */
    String post(Command.PostReport command, Turn turn) {
        if (!turn.coordinator()) {
            return wording.commandRefusals().coordinatorsOnly(command.type());
        }
        PostKind kind = command.type() == CommandType.MONTHLY ? PostKind.MONTHLY : PostKind.WEEKLY;
        ReportSpan span = kind == PostKind.MONTHLY ? ReportSpan.MONTH : ReportSpan.WEEK;
        LocalDate today = turn.context().today();
        LocalDate start = command.day() == null ? kind.previous(kind.start(today)) : kind.start(command.day());
        if (!kind.end(start).isBefore(today)) {
            return wording.commandRefusals().reportNotFinished(span, start);
        }
        int groups = config.groups().summaryGroups().size();
        if (groups == 0) {
            return wording.commandRefusals().summaryNoGroups();
        }
        afterCommit(() -> {
            List<Delivery> deliveries = summaries.postNow(kind, start);
            long queued = deliveries.stream().filter(Delivery::queued).count();
            log.info("on-demand {} report of {} queued for {} groups, {} not", kind.code(), start, queued,
                    deliveries.size() - queued);
        });
        return wording.records().reportSending(span, start, groups);
    }

    /**
     * Runs {@code post} on the summary thread once the command is committed, with the
     * command's log context.
     */
    private void afterCommit(Runnable post) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        AfterCommit.run(() -> executor.execute(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                post.run();
            }
            finally {
                MDC.clear();
            }
        }));
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

}
