package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Binding;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.wording.PrivateChatReplies;
import cn.cdsw.tallybot.wording.RecordReplies;
import cn.cdsw.tallybot.wording.Wording;

/** #绑定 and #我的: what the bot remembers about one sender. */
@Component
class SenderCommands {

    private final ReportService reports;

    private final RecordReplies replies;

    private final PrivateChatReplies privateReplies;

    private final Clock clock;

    SenderCommands(ReportService reports, Wording wording, Clock clock) {
        this.reports = reports;
        this.replies = wording.records();
        this.privateReplies = wording.privateChat();
        this.clock = clock;
    }

    String bind(String district, String unit, Turn turn) {
        reports
            .bind(new Binding(turn.message().platform(), turn.message().senderId(), district, unit, clock.instant()));
        return replies.bound(district, unit);
    }

    /**
     * The sender's active records of today: in a group, those sent in it; in private,
     * those sent anywhere, since a private chat is where a member looks at all of them.
     */
    String mine(Turn turn) {
        ChatMessage message = turn.message();
        if (message.isPrivate()) {
            List<ActivityRecord> today = reports.activeAnywhereOn(message.platform(), message.senderId(),
                    turn.context().today());
            return today.isEmpty() ? privateReplies.mineNone() : replies.mine(today);
        }
        return replies
            .mine(reports.activeOn(message.platform(), message.groupId(), message.senderId(), turn.context().today()));
    }

}
