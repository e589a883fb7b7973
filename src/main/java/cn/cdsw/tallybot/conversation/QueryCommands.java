package cn.cdsw.tallybot.conversation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.query.QueryReplies;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.RankEntry;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportService;

/** #统计, #排行, #明细 and #未报: read-only answers over active records. */
@Component
class QueryCommands {

    static final int LIST_LIMIT = 15;

    private final QueryService queries;
    private final ReportService reports;
    private final BotConfig config;
    private final QueryReplies replies;

    QueryCommands(QueryService queries, ReportService reports, BotConfig config) {
        this.queries = queries;
        this.reports = reports;
        this.config = config;
        this.replies = new QueryReplies(config.metrics());
    }

    String totals(Command.Query query) {
        return replies.totals(queries.totals(query.period().from(), query.period().to(), query.scope()),
                query.period());
    }

    String rank(Command.Rank rank) {
        List<RankEntry> entries = queries.rank(rank.period().from(), rank.period().to(), rank.scope(), rank.by(),
                rank.byUnit());
        return replies.rank(entries, rank.by().label(), rank.period(), rank.scope().label());
    }

    String list(Command.ListRecords list) {
        ReportService.Page page = reports.newest(new RecordFilter(list.period().from(), list.period().to(),
                list.scope().district(), list.scope().unit(), RecordStatus.ACTIVE), LIST_LIMIT);
        String head = "📋 " + list.scope().label() + "·" + list.period().label() + " 明细（" + page.total() + "条）";
        if (page.records().isEmpty()) {
            return head + "\n暂无上报。";
        }
        StringBuilder text = new StringBuilder(head);
        for (ActivityRecord r : page.records()) {
            text.append("\n#").append(r.id()).append(' ').append(ReplyTexts.place(r.content())).append('：')
                    .append(String.join("，", ReplyTexts.figures(r.content(), config)));
        }
        if (page.total() > page.records().size()) {
            text.append("\n另有 ").append(page.total() - page.records().size()).append(" 条较早的记录，请缩小时段或区县。");
        }
        return text.toString();
    }

    String missing(Command.Missing missing, Turn turn) {
        if (!turn.coordinator()) {
            return Roles.refusal("未报");
        }
        List<String> units = queries.missing(missing.date(), missing.district());
        String day = ReplyTexts.day(missing.date());
        if (units.isEmpty()) {
            return "✅ " + day + (missing.district() == null ? "" : missing.district()) + "名单里的单位都已上报。";
        }
        return "📝 " + day + "未上报（" + units.size() + "）：" + String.join("、", units);
    }
}
