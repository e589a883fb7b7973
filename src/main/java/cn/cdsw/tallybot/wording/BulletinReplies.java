package cn.cdsw.tallybot.wording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.cdsw.tallybot.command.BulletinStation;
import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.report.ActivityRecord;

/**
 * A bulletin covering several stations (docs/commands.md §10a): all its drafts in one
 * numbered read-back, a line per station, and the answers to 确认, 确认 1 3 and 取消.
 */
public final class BulletinReplies {

    private final FigureStyle figures;

    private final RecordReplies records;

    private final ProseReplies prose;

    private final Template head;

    private final Template line;

    private final Template category;

    private final Template otherDay;

    private final String noFigures;

    private final String noDistrict;

    private final String noUnit;

    private final String missingDistrict;

    private final String missingUnit;

    private final Template unitMeant;

    private final Template perPeriod;

    private final Template notCounted;

    private final Template unplaced;

    private final Template confirm;

    private final String confirmOne;

    private final String nothingToStore;

    private final Template stored;

    private final Template storedLine;

    private final Template notChosen;

    private final String storedFoot;

    private final Template noSuchNumber;

    private final Template notStorable;

    private final String cancelled;

    private final String membersOnly;

    BulletinReplies(Catalogue c, FigureStyle figures, RecordReplies records, ProseReplies prose) {
        this.figures = figures;
        this.records = records;
        this.prose = prose;
        head = c.template("bulletin.head", "count", "day");
        line = c.template("bulletin.line", "number", "district", "unit", "category", "day", "figures", "problem");
        category = c.template("bulletin.category", "category");
        otherDay = c.template("bulletin.other-day", "day");
        noFigures = c.text("bulletin.no-figures");
        noDistrict = c.text("bulletin.no-district");
        noUnit = c.text("bulletin.no-unit");
        missingDistrict = c.text("bulletin.missing-district");
        missingUnit = c.text("bulletin.missing-unit");
        unitMeant = c.template("bulletin.unit-meant", "meant");
        perPeriod = c.template("bulletin.per-period", "figures");
        notCounted = c.template("bulletin.not-counted", "counts");
        unplaced = c.template("bulletin.unplaced", "count");
        confirm = c.template("bulletin.confirm", "count", "example");
        confirmOne = c.text("bulletin.confirm-one");
        nothingToStore = c.text("bulletin.nothing-to-store");
        stored = c.template("bulletin.stored", "count");
        storedLine = c.template("bulletin.stored-line", "id", "place", "figures");
        notChosen = c.template("bulletin.not-chosen", "numbers");
        storedFoot = c.text("bulletin.stored-foot");
        noSuchNumber = c.template("bulletin.no-such-number", "numbers", "count");
        notStorable = c.template("bulletin.not-storable", "numbers");
        cancelled = c.text("bulletin.cancelled");
        membersOnly = c.text("bulletin.members-only");
    }

    /**
     * Every station, numbered, with its figures or why it cannot be stored, and what to
     * answer; a bulletin with nothing to store says so, as nothing is held for it.
     */
    public String readBack(Command.Bulletin bulletin) {
        List<BulletinStation> stations = bulletin.stations();
        LocalDate day = Objects.requireNonNull(stations.get(0).draft().activityDate(), "activityDate");
        List<String> lines = new ArrayList<>();
        lines.add(head.fill(figures.number(stations.size()), figures.day(day)));
        for (BulletinStation station : stations) {
            lines.add(stationLine(station, day));
            if (station.storable()) {
                notes(station, lines);
            }
        }
        if (bulletin.unplaced() > 0) {
            lines.add(unplaced.fill(figures.number(bulletin.unplaced())));
        }
        List<BulletinStation> storable = bulletin.storable();
        if (storable.isEmpty()) {
            lines.add(nothingToStore);
        }
        else if (storable.size() == 1) {
            lines.add(confirmOne);
        }
        else {
            String example = storable.get(0).number() + " " + storable.get(storable.size() - 1).number();
            lines.add(confirm.fill(figures.number(storable.size()), example));
        }
        return String.join("\n", lines);
    }

    private String stationLine(BulletinStation station, LocalDate day) {
        ReportDraft draft = station.draft();
        LocalDate own = Objects.requireNonNull(draft.activityDate(), "activityDate");
        String read = draft.hasFigures() ? figures.list(figures(draft)) : noFigures;
        return line.fill(String.valueOf(station.number()), draft.district() == null ? noDistrict : draft.district(),
                draft.unit() == null ? noUnit : draft.unit(),
                draft.category() == null ? "" : category.fill(draft.category()),
                own.equals(day) ? "" : otherDay.fill(figures.day(own)), read, problem(station));
    }

    private List<String> figures(ReportDraft draft) {
        List<String> read = figures.record(draft.metrics(), draft.items(), draft.explicitTotal(), draft.valueYuan());
        Long total = draft.materialsTotal();
        if (draft.explicitTotal() == null && total != null) {
            read.add(figures.summedMaterials(total));
        }
        return read;
    }

    private String problem(BulletinStation station) {
        return switch (station.problem()) {
            case NONE, NO_FIGURES -> "";
            case NO_UNIT -> missingUnit;
            case NO_DISTRICT -> missingDistrict;
            case UNIT_NEAR_MISS -> unitMeant.fill(Objects.requireNonNull(station.unitMeant(), "unitMeant"));
        };
    }

    private void notes(BulletinStation station, List<String> lines) {
        List<String> marked = prose.perPeriodFigures(station.draft(), station.notes());
        if (!marked.isEmpty()) {
            lines.add(perPeriod.fill(figures.names(marked)));
        }
        if (!station.notes().notCounted().isEmpty()) {
            lines.add(notCounted.fill(figures.names(station.notes().notCounted())));
        }
    }

    /**
     * The records a 确认 stored, one a line, and the stations it left out when it named
     * some.
     */
    public String stored(List<ActivityRecord> storedRecords, List<Integer> leftOut) {
        List<String> lines = new ArrayList<>();
        lines.add(stored.fill(figures.number(storedRecords.size())));
        for (ActivityRecord record : storedRecords) {
            lines.add(storedLine.fill(String.valueOf(record.id()), records.place(record.content()),
                    records.figuresOf(record)));
        }
        if (!leftOut.isEmpty()) {
            lines.add(notChosen.fill(numbers(leftOut)));
        }
        lines.add(storedFoot);
        return String.join("\n", lines);
    }

    /** 确认 5 for a bulletin of three: the numbers that are none of its stations. */
    public String noSuchNumber(List<Integer> numbers, int count) {
        return noSuchNumber.fill(numbers(numbers), figures.number(count));
    }

    /** 确认 2 where station 2 has no figure or no place. */
    public String notStorable(List<Integer> numbers) {
        return notStorable.fill(numbers(numbers));
    }

    public String cancelled() {
        return cancelled;
    }

    /** A member pasted a bulletin of several stations. */
    public String membersOnly() {
        return membersOnly;
    }

    private String numbers(List<Integer> numbers) {
        return figures.names(numbers.stream().map(String::valueOf).toList());
    }

}
