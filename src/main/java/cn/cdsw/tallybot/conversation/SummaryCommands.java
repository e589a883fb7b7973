package cn.cdsw.tallybot.conversation;

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
import cn.cdsw.tallybot.wording.Wording;

/**
 * #日报 [date]: a coordinator posts (or re-posts) a day's summary now. The post starts only
 * after the command is committed to the reply log, and off the request thread: a
 * redelivered #日报 is answered from the log and never posts twice, and no chat send holds
 * the database.
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
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        AfterCommit.run(() -> executor.execute(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                List<Delivery> deliveries = summaries.postNow(command.date());
                long queued = deliveries.stream().filter(Delivery::queued).count();
                log.info("on-demand summary of {} queued for {} groups, {} not", command.date(), queued,
                        deliveries.size() - queued);
            }
            finally {
                MDC.clear();
            }
        }));
        return wording.records().summarySending(command.date(), groups);
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

}
