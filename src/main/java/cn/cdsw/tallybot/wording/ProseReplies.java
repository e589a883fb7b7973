package cn.cdsw.tallybot.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.command.ProseNotes;
import cn.cdsw.tallybot.command.ReportDraft;

/**
 * The prose report loop (docs/commands.md §10): the figures read from a paragraph, one a
 * line, for the sender to check, and the answers to 取消 and to a 确认 that still lacks its
 * district.
 */
public final class ProseReplies {

    private final FigureStyle figures;

    private final RecordReplies records;

    private final String head;

    private final String noDistrict;

    private final String noUnit;

    private final String confirm;

    private final String confirmByDistrict;

    private final String stillNeedsDistrict;

    private final String cancelled;

    private final Template perPeriod;

    private final Template perPeriodFigure;

    private final Template notCounted;

    ProseReplies(Catalogue c, FigureStyle figures, RecordReplies records) {
        this.figures = figures;
        this.records = records;
        head = c.text("prose.head");
        noDistrict = c.text("prose.no-district");
        noUnit = c.text("prose.no-unit");
        confirm = c.text("prose.confirm");
        confirmByDistrict = c.text("prose.confirm-by-district");
        stillNeedsDistrict = c.text("prose.still-needs-district");
        cancelled = c.text("prose.cancelled");
        perPeriod = c.template("prose.per-period", "figures");
        perPeriodFigure = c.template("prose.per-period-figure", "figure", "per");
        notCounted = c.template("prose.not-counted", "counts");
    }

    public String readBack(ReportDraft draft) {
        return readBack(draft, ProseNotes.NONE);
    }

    /**
     * The read-back: place and day, one figure a line, the figures kept as written per
     * day or household, the counts left out, and what to answer. Nothing is stored before
     * the 确认, so a materials total added up from the items says so.
     */
    public String readBack(ReportDraft draft, ProseNotes notes) {
        List<String> lines = new ArrayList<>();
        lines.add(head);
        // a prose draft is always dated: today, when the paragraph names no day
        lines.add(records.place(orMissing(draft.district(), noDistrict), orMissing(draft.unit(), noUnit),
                Objects.requireNonNull(draft.activityDate(), "activityDate")));
        List<String> read = figures.record(draft.metrics(), draft.items(), draft.explicitTotal(), draft.valueYuan());
        lines.addAll(read);
        Long total = draft.materialsTotal();
        if (draft.explicitTotal() == null && total != null) {
            lines.add(figures.summedMaterials(total));
        }
        List<String> perPeriodFigures = perPeriodFigures(draft, notes);
        if (!perPeriodFigures.isEmpty()) {
            lines.add(perPeriod.fill(figures.names(perPeriodFigures)));
        }
        if (!notes.notCounted().isEmpty()) {
            lines.add(notCounted.fill(figures.names(notes.notCounted())));
        }
        lines.add(draft.district() == null ? confirmByDistrict : confirm);
        return String.join("\n", lines);
    }

    /**
     * The draft's figures written per day, week or household, each with its 每天:
     * 排查约100人（每天）.
     */
    List<String> perPeriodFigures(ReportDraft draft, ProseNotes notes) {
        List<String> marked = new ArrayList<>();
        for (ProseNotes.PerPeriod mark : notes.perPeriod()) {
            figure(draft, mark).ifPresent(f -> marked.add(perPeriodFigure.fill(f, mark.per())));
        }
        return marked;
    }

    public String cancelled() {
        return cancelled;
    }

    /**
     * 确认 while the district is still missing: the district itself is the answer wanted.
     */
    public String stillNeedsDistrict() {
        return stillNeedsDistrict;
    }

    /** The draft's figure a per-period mark belongs to, as the read-back writes it. */
    private Optional<String> figure(ReportDraft draft, ProseNotes.PerPeriod mark) {
        if (mark.kind() == ProseNotes.Kind.METRIC) {
            return draft.metrics()
                .stream()
                .filter(m -> m.key().equals(mark.name()) && m.unit().equals(mark.unit()))
                .findFirst()
                .map(figures::metric);
        }
        if (mark.kind() == ProseNotes.Kind.ITEM) {
            return draft.items()
                .stream()
                .filter(i -> i.name().equals(mark.name()) && i.unit().equals(mark.unit()))
                .findFirst()
                .map(figures::item);
        }
        return Optional.ofNullable(draft.explicitTotal()).map(total -> figures.materials(total, false));
    }

    private static String orMissing(@Nullable String value, String missing) {
        return value == null ? missing : value;
    }

}
