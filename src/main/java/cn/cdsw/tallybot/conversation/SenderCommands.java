package cn.cdsw.tallybot.conversation;

import java.time.Clock;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.report.Binding;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.wording.RecordReplies;
import cn.cdsw.tallybot.wording.Wording;

/** #绑定 and #我的: what the bot remembers about one sender. */
@Component
class SenderCommands {

    private final ReportService reports;

    private final RecordReplies replies;

    private final Clock clock;

    SenderCommands(ReportService reports, Wording wording, Clock clock) {
        this.reports = reports;
        this.replies = wording.records();
        this.clock = clock;
    }

    String bind(String district, String unit, Turn turn) {
        reports
            .bind(new Binding(turn.message().platform(), turn.message().senderId(), district, unit, clock.instant()));
        return replies.bound(district, unit);
    }

    String mine(Turn turn) {
        return replies.mine(reports.activeOn(turn.message().platform(), turn.message().groupId(),
                turn.message().senderId(), turn.context().today()));
    }

}
