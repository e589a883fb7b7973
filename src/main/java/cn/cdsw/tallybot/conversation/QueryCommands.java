package cn.cdsw.tallybot.conversation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.config.GroupDirectory;
import cn.cdsw.tallybot.expectation.ExpectedUnit;
import cn.cdsw.tallybot.expectation.ExpectedUnits;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.RankEntry;
import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.wording.QueryReplies;
import cn.cdsw.tallybot.wording.CommandRefusals;
import cn.cdsw.tallybot.wording.Wording;

/** #统计, #排行, #明细 and #未报: read-only answers over active records. */
@Component
class QueryCommands {

    static final int LIST_LIMIT = 15;

    private final QueryService queries;

    private final ReportService reports;

    private final QueryReplies replies;

    private final CommandRefusals refusals;

    private final ReplyLength replyLength;

    private final GroupDirectory groups;

    private final ExpectedUnits expected;

    QueryCommands(QueryService queries, ReportService reports, Wording wording, ReplyLength replyLength,
            BotConfig config, ExpectedUnits expected) {
        this.replyLength = replyLength;
        this.expected = expected;
        this.groups = config.groups();
        this.queries = queries;
        this.reports = reports;
        this.replies = wording.queries();
        this.refusals = wording.commandRefusals();
    }

    String totals(Command.Query query) {
        return replies.totals(queries.totals(query.period().from(), query.period().to(), query.scope()),
                query.period());
    }

    /**
     * A metric ranked without its unit reads the unit most used in the scope, because
     * figures in different units are never added; the reply says which unit that is.
     */
    String rank(Command.Rank rank) {
        RankBy by = rank.by();
        List<String> unitsByUse = List.of();
        if (!rank.unitNamed() && by instanceof RankBy.Metric metric) {
            unitsByUse = queries.unitsByUse(rank.period().from(), rank.period().to(), rank.scope(), metric.key());
            if (!unitsByUse.isEmpty()) {
                by = new RankBy.Metric(metric.key(), unitsByUse.get(0));
            }
        }
        List<RankEntry> entries = queries.rank(rank.period().from(), rank.period().to(), rank.scope(), by,
                rank.byUnit());
        if (rank.unitNamed() || !(by instanceof RankBy.Metric chosen)) {
            return replies.rank(entries, by, rank.scope(), rank.period());
        }
        return replies.rankInMostUsedUnit(entries, chosen, rank.scope(), rank.period(), unitsByUse);
    }

    String list(Command.ListRecords list, Turn turn) {
        ReportService.Page page = reports.newest(new RecordFilter(list.period().from(), list.period().to(),
                list.scope().district(), list.scope().unit(), RecordStatus.ACTIVE), LIST_LIMIT);
        return replies.list(list.scope(), list.period(), page.records(), page.total(),
                replyLength.limitFor(turn.message()));
    }

    String missing(Command.Missing missing, Turn turn) {
        if (!turn.coordinator()) {
            return refusals.coordinatorsOnly(CommandType.MISSING);
        }
        // seen from this group: its reporting days apply to units that set none
        GroupConfig group = groups.find(turn.message().platform(), turn.message().groupId()).orElse(null);
        List<String> names = queries.missing(missing.date(), missing.district(), group)
            .stream()
            .map(ExpectedUnit::name)
            .toList();
        if (names.isEmpty() && expected.on(missing.date(), group)
            .stream()
            .noneMatch(unit -> missing.district() == null || missing.district().equals(unit.district()))) {
            return replies.noneExpected(missing.date(), missing.district());
        }
        return replies.missing(missing.date(), missing.district(), names, replyLength.limitFor(turn.message()));
    }

}
