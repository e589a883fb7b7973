package cn.cdsw.tallybot.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.expectation.ExpectedUnit;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.query.QueryService;
import cn.cdsw.tallybot.report.BoundMember;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.wording.Wording;

/**
 * Writes a group's reminder of a day (docs/reminders.md §4): the units expected that day,
 * seen from the group, that have no active record yet, per district in directory order,
 * and a mention of every member bound to one of them who has not asked for 免打扰. Empty
 * when nobody is missing: a reminder that says everyone reported is only noise.
 */
final class ReminderComposer {

    private final QueryService queries;

    private final ReportService reports;

    private final MuteRepository mutes;

    private final Wording wording;

    ReminderComposer(QueryService queries, ReportService reports, MuteRepository mutes, Wording wording) {
        this.queries = queries;
        this.reports = reports;
        this.mutes = mutes;
        this.wording = wording;
    }

    Optional<Reply> compose(GroupConfig group, LocalDate date) {
        List<ExpectedUnit> missing = queries.missing(date, null, group);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> byDistrict = new LinkedHashMap<>();
        for (ExpectedUnit unit : missing) {
            byDistrict.computeIfAbsent(unit.district(), d -> new ArrayList<>()).add(unit.unit());
        }
        Map<ExpectedUnit, List<BoundMember>> bound = new LinkedHashMap<>();
        for (BoundMember member : reports.boundMembers(group.platform())) {
            bound.computeIfAbsent(new ExpectedUnit(member.district(), member.unit()), u -> new ArrayList<>())
                .add(member);
        }
        Set<String> muted = mutes.muted(group.platform());
        Set<String> mentioned = new HashSet<>();
        List<Reply.Mention> mentions = new ArrayList<>();
        for (ExpectedUnit unit : missing) {
            for (BoundMember member : bound.getOrDefault(unit, List.of())) {
                if (!muted.contains(member.senderId()) && mentioned.add(member.senderId())) {
                    mentions.add(new Reply.Mention(member.senderId(), member.name()));
                }
            }
        }
        return Optional.of(Reply.text(wording.reminders().reminder(date, byDistrict)).mentioning(mentions));
    }

}
