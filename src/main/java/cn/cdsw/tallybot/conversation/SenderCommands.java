package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Binding;
import cn.cdsw.tallybot.report.ReportService;

/** #绑定 and #我的: what the bot remembers about one sender. */
@Component
class SenderCommands {

    private final ReportService reports;
    private final BotConfig config;
    private final Clock clock;

    SenderCommands(ReportService reports, BotConfig config, Clock clock) {
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    String bind(String district, String unit, Turn turn) {
        reports.bind(new Binding(turn.message().platform(), turn.message().senderId(), district, unit,
                clock.instant()));
        return "✅ 已绑定：" + district + "·" + unit + "。以后上报可以省略区县和单位，例如：#上报 走访3户";
    }

    String mine(Turn turn) {
        List<ActivityRecord> today = reports.activeOn(turn.message().platform(), turn.message().groupId(),
                turn.message().senderId(), turn.context().today());
        if (today.isEmpty()) {
            return "您今天在本群还没有上报。格式：#上报 锦江区 三圣街道社工站 走访196户";
        }
        StringBuilder text = new StringBuilder("📋 您今天的记录（" + today.size() + "条）：");
        for (ActivityRecord record : today) {
            text.append("\n#").append(record.id()).append(' ').append(record.content().district()).append('·')
                    .append(record.content().unit()).append('：').append(String.join("，",
                            ReplyTexts.figures(record.content(), config)));
        }
        return text.append("\n发送「#撤回 编号」可撤回，「#更正 编号 内容」可更正。").toString();
    }
}
