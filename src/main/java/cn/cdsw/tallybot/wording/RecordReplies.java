package cn.cdsw.tallybot.wording;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.ReportContent;

/**
 * The replies about records and their senders: stored, corrected, retracted, refused, the
 * question for a missing district or unit, #绑定, #我的. Short, with the record id and what
 * to send next; a record's figures read the same in every one of them.
 */
public final class RecordReplies {

    private final FigureStyle figures;

    private final Template place;

    private final Template stored;

    private final Template corrected;

    private final Template retracted;

    private final Template notFound;

    private final String nothingToRetract;

    private final Template notYoursToRetract;

    private final Template notYoursToCorrect;

    private final Template notActive;

    private final Template askDistrict;

    private final Template askUnit;

    private final Template askPlace;

    private final Template keptAskDistrict;

    private final Template keptAskUnit;

    private final Template askUnitMeant;

    private final Template answerDeadline;

    private final String unitExample;

    private final String placeCancelled;

    private final Template noSuchDistrict;

    private final String missingUnit;

    private final Template bound;

    private final String mineNone;

    private final Template mineHead;

    private final Template mineLine;

    private final String mineFoot;

    private final Template summarySending;

    private final Template reportSending;

    private final String weekly;

    private final String monthly;

    RecordReplies(Catalogue c, FigureStyle figures) {
        this.figures = figures;
        place = c.template("record.place", "district", "unit", "day");
        stored = c.template("record.stored", "id", "place", "figures");
        corrected = c.template("record.corrected", "old", "id", "place", "figures");
        retracted = c.template("record.retracted", "id", "place", "figures");
        notFound = c.template("record.not-found", "id");
        nothingToRetract = c.text("record.nothing-to-retract");
        notYoursToRetract = c.template("record.not-yours-retract", "id", "author");
        notYoursToCorrect = c.template("record.not-yours-correct", "id", "author");
        notActive = c.template("record.not-active", "id");
        askDistrict = c.template("record.ask-district", "deadline");
        askUnit = c.template("record.ask-unit", "example", "deadline");
        askPlace = c.template("record.ask-place", "deadline");
        keptAskDistrict = c.template("record.kept-ask-district", "kept", "deadline");
        keptAskUnit = c.template("record.kept-ask-unit", "kept", "example", "deadline");
        askUnitMeant = c.template("record.ask-unit-meant", "district", "written", "meant", "deadline");
        answerDeadline = c.template("record.answer-deadline", "minutes");
        unitExample = c.text("record.unit-example");
        placeCancelled = c.text("record.place-cancelled");
        noSuchDistrict = c.template("record.no-such-district", "nearest");
        missingUnit = c.text("record.missing-unit");
        bound = c.template("record.bound", "district", "unit");
        mineNone = c.text("record.mine-none");
        mineHead = c.template("record.mine-head", "count");
        mineLine = c.template("record.mine-line", "id", "district", "unit", "figures");
        mineFoot = c.text("record.mine-foot");
        summarySending = c.template("record.summary-sending", "day", "groups");
        reportSending = c.template("record.report-sending", "period", "what", "groups");
        weekly = c.text("report.weekly");
        monthly = c.text("report.monthly");
    }

    /** ✅ 已记录 #128 锦江区·三圣街道社工站（11月28日）：走访196户，物资1310件。… */
    public String stored(ActivityRecord record) {
        return stored.fill(id(record), place(record.content()), figuresOf(record));
    }

    public String corrected(long oldId, ActivityRecord record) {
        return corrected.fill(String.valueOf(oldId), id(record), place(record.content()), figuresOf(record));
    }

    public String retracted(ActivityRecord record) {
        return retracted.fill(id(record), place(record.content()), figuresOf(record));
    }

    public String notFound(long id) {
        return notFound.fill(String.valueOf(id));
    }

    public String nothingToRetract() {
        return nothingToRetract;
    }

    /** A member tried to {@code command} (撤回 or 更正) someone else's record. */
    public String notYours(ActivityRecord record, CommandType command) {
        Template text = command == CommandType.CORRECT ? notYoursToCorrect : notYoursToRetract;
        return text.fill(id(record), record.source().senderName());
    }

    /** The record was retracted or corrected already. */
    public String notActive(long id) {
        return notActive.fill(String.valueOf(id));
    }

    /**
     * The one question for what a held report still lacks ({@code district} or
     * {@code unit} null, or both), to be answered within {@code timeout}, after which the
     * report is not stored: the question says so, because no replica is there to tell the
     * member when the time runs out. After an answer that gave part of it, the question
     * names the part it kept. {@code exampleUnit} is a unit of the district's directory,
     * if it lists any.
     */
    public String askPlace(@Nullable String district, @Nullable String unit, boolean afterAnswer,
            @Nullable String exampleUnit, Duration timeout) {
        String deadline = deadline(timeout);
        String example = exampleUnit == null ? unitExample : exampleUnit;
        if (district == null && unit == null) {
            return askPlace.fill(deadline);
        }
        if (district == null) {
            return afterAnswer ? keptAskDistrict.fill(unit, deadline) : askDistrict.fill(deadline);
        }
        if (unit != null) {
            throw new IllegalArgumentException("nothing to ask: the report's place is known");
        }
        return afterAnswer ? keptAskUnit.fill(district, example, deadline) : askUnit.fill(example, deadline);
    }

    /**
     * The question for the unit of a held report whose unit ({@code written}) is not
     * listed for the district, but one edit away from {@code meant}, which is.
     */
    public String askUnitMeant(String district, String written, String meant, Duration timeout) {
        return askUnitMeant.fill(district, written, meant, deadline(timeout));
    }

    private String deadline(Duration timeout) {
        return answerDeadline.fill(figures.number(Math.max(1, timeout.toMinutes())));
    }

    /** A held report its sender cancelled: not stored. */
    public String placeCancelled() {
        return placeCancelled;
    }

    /** An answer to the district question that is not a district, but close to these. */
    public String noSuchDistrict(List<String> nearest) {
        return noSuchDistrict.fill(figures.names(nearest));
    }

    /** A report whose unit is neither written nor bound. */
    public String missingUnit() {
        return missingUnit;
    }

    public String bound(String district, String unit) {
        return bound.fill(district, unit);
    }

    /** #我的: the sender's records of today in this group. */
    public String mine(List<ActivityRecord> today) {
        if (today.isEmpty()) {
            return mineNone;
        }
        List<String> lines = new ArrayList<>();
        lines.add(mineHead.fill(figures.number(today.size())));
        for (ActivityRecord record : today) {
            lines.add(
                    mineLine.fill(id(record), record.content().district(), record.content().unit(), figuresOf(record)));
        }
        lines.add(mineFoot);
        return String.join("\n", lines);
    }

    /** #日报 accepted: the post of {@code day} goes to so many groups. */
    public String summarySending(LocalDate day, int groups) {
        return summarySending.fill(figures.day(day), figures.number(groups));
    }

    /**
     * #周报 or #月报 accepted: the report of the period starting on {@code start} goes to so
     * many groups.
     */
    public String reportSending(ReportSpan span, LocalDate start, int groups) {
        return reportSending.fill(figures.period(span, start), span == ReportSpan.MONTH ? monthly : weekly,
                figures.number(groups));
    }

    /** 锦江区·三圣街道社工站（11月28日） */
    String place(ReportContent content) {
        return place(content.district(), content.unit(), content.activityDate());
    }

    String place(String district, String unit, LocalDate day) {
        return place.fill(district, unit, figures.day(day));
    }

    /** A record's figures in a row, as every reply about it prints them. */
    String figuresOf(ActivityRecord record) {
        return figures.list(figures.record(record.content()));
    }

    private static String id(ActivityRecord record) {
        return String.valueOf(record.id());
    }

}
