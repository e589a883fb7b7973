package cn.cdsw.tallybot.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.config.ReportField;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/**
 * Collects the clauses of one report and checks each as it arrives: units against the
 * dictionary, ceilings, negatives, duplicates, dates against today and the back-dating
 * window. Figures never change unit: a quantity whose unit the metric does not take is
 * refused, not converted.
 */
final class DraftBuilder {

    enum Context {

        NONE, METRIC, MATERIALS

    }

    private final BotConfig config;

    private final ParseContext parse;

    private final UnitNames units;

    private @Nullable String district;

    private @Nullable String unit;

    private @Nullable String category;

    private @Nullable LocalDate date;

    private final List<Metric> metrics = new ArrayList<>();

    private final List<Item> items = new ArrayList<>();

    private @Nullable Long explicitTotal;

    private @Nullable BigDecimal valueYuan;

    private @Nullable String note;

    private Context context = Context.NONE;

    private @Nullable MetricDefinition lastMetric;

    private boolean districtJustRead;

    DraftBuilder(BotConfig config, ParseContext parse, UnitNames units) {
        this.config = config;
        this.parse = parse;
        this.units = units;
    }

    void context(Context context) {
        this.context = context;
        districtJustRead = false;
    }

    void afterClause() {
        districtJustRead = false;
    }

    void district(District value) {
        if (district != null && !district.equals(value.name())) {
            throw new Unreadable(new Refusal.Conflict(value.name(), ReportField.DISTRICT));
        }
        district = value.name();
        districtJustRead = true;
    }

    boolean hasDistrict() {
        return district != null;
    }

    boolean acceptsUnitName(String word) {
        return unit == null && (districtJustRead || config.grammar().looksLikeUnitName(word) || units.isListed(word));
    }

    void unit(String value, String piece) {
        if (unit != null && !UnitNames.key(unit).equals(UnitNames.key(value))) {
            throw new Unreadable(new Refusal.Conflict(piece, ReportField.UNIT));
        }
        unit = value;
        districtJustRead = false;
    }

    void category(String value) {
        if (!config.categories().contains(value)) {
            throw new Unreadable(new Refusal.UnknownCategory(value));
        }
        category = value;
        districtJustRead = false;
    }

    boolean isDate(String text) {
        return DateExpressions.parseNormalized(text, parse.today()).isPresent();
    }

    void date(String text) {
        LocalDate value = DateExpressions.parseNormalized(text, parse.today())
            .orElseThrow(() -> new Unreadable(new Refusal.UnreadableDate(text)));
        if (value.isAfter(parse.today())) {
            throw new Unreadable(new Refusal.FutureDate(text));
        }
        if (value.isBefore(parse.today().minusDays(parse.backdateWindowDays())) && !parse.coordinator()) {
            throw new Unreadable(new Refusal.TooOld(text, parse.backdateWindowDays()));
        }
        if (date != null && !date.equals(value)) {
            throw new Unreadable(new Refusal.Conflict(text, ReportField.DATE));
        }
        date = value;
        districtJustRead = false;
    }

    void note(@Nullable String value) {
        if (value != null && !value.isBlank()) {
            note = note == null ? value : note + " " + value;
        }
    }

    void metric(MetricDefinition definition, Token.Quantity q) {
        String written = definition.label() + q.raw();
        String canonical = q.unit() == null
                ? definition.soleUnit()
                    .orElseThrow(() -> new Unreadable(new Refusal.MetricUnitMissing(written, definition.key())))
                : definition.canonicalUnit(q.unit())
                    .orElseThrow(() -> new Unreadable(new Refusal.MetricUnitWrong(written, definition.key())));
        long value = wholeNumber(q, written, definition.ceiling(), canonical);
        if (metrics.stream().anyMatch(m -> m.key().equals(definition.key()) && m.unit().equals(canonical))) {
            throw new Unreadable(new Refusal.Duplicate(written));
        }
        metrics.add(new Metric(definition.key(), canonical, value, q.approx()));
        context = Context.METRIC;
        lastMetric = definition;
        districtJustRead = false;
    }

    /** Bare quantities after a clause: more units of the same metric (走访196户、15人次). */
    void continuation(List<Token.Quantity> quantities, String piece) {
        if (context == Context.METRIC && lastMetric != null) {
            MetricDefinition definition = lastMetric;
            quantities.forEach(q -> metric(definition, q));
            return;
        }
        throw new Unreadable(
                context == Context.MATERIALS ? new Refusal.ItemWithoutName(piece) : new Refusal.NotUnderstood(piece));
    }

    boolean acceptsItem(String name) {
        return context == Context.MATERIALS || config.materials().itemNames().contains(name);
    }

    void item(String name, Token.Quantity q) {
        String written = name + q.raw();
        if (q.unit() == null) {
            throw new Unreadable(new Refusal.ItemUnitMissing(written, name));
        }
        if (!config.materials().units().contains(q.unit())) {
            throw new Unreadable(new Refusal.ItemUnitWrong(written));
        }
        long quantity = wholeNumber(q, written, config.materials().ceiling(), q.unit());
        if (items.stream().anyMatch(i -> i.name().equals(name) && i.unit().equals(q.unit()))) {
            throw new Unreadable(new Refusal.Duplicate(written));
        }
        items.add(new Item(name, quantity, q.unit(), q.approx()));
        context = Context.MATERIALS;
        districtJustRead = false;
    }

    void materialsTotal(Token.Quantity q) {
        String totalUnit = config.materials().totalUnit();
        String written = config.grammar().name(ReportField.MATERIALS) + q.raw();
        if (q.unit() != null && !q.unit().equals(totalUnit)) {
            throw new Unreadable(new Refusal.TotalUnitWrong(written));
        }
        if (explicitTotal != null) {
            throw new Unreadable(new Refusal.Duplicate(written));
        }
        explicitTotal = wholeNumber(q, written, config.materials().ceiling(), totalUnit);
        context = Context.NONE;
        districtJustRead = false;
    }

    void value(Token.Quantity q) {
        String written = config.grammar().name(ReportField.VALUE) + q.raw();
        if (q.unit() != null && !q.unit().equals(Lexicon.YUAN)) {
            throw new Unreadable(new Refusal.ValueUnitWrong(written));
        }
        if (q.negative()) {
            throw new Unreadable(new Refusal.Negative(written));
        }
        if (q.value().stripTrailingZeros().scale() > 2) {
            throw new Unreadable(new Refusal.NotUnderstood(written));
        }
        if (q.value().compareTo(config.materials().valueCeilingYuan()) > 0) {
            throw new Unreadable(new Refusal.TooLarge(written, config.materials().valueCeilingYuan().longValueExact(),
                    Lexicon.YUAN));
        }
        if (valueYuan != null) {
            throw new Unreadable(new Refusal.Duplicate(written));
        }
        valueYuan = q.value();
        context = Context.NONE;
        districtJustRead = false;
    }

    private static long wholeNumber(Token.Quantity q, String written, long ceiling, String unit) {
        if (q.negative()) {
            throw new Unreadable(new Refusal.Negative(written));
        }
        if (q.value().stripTrailingZeros().scale() > 0) {
            throw new Unreadable(new Refusal.NotWhole(written));
        }
        if (q.value().compareTo(BigDecimal.valueOf(ceiling)) > 0) {
            throw new Unreadable(new Refusal.TooLarge(written, ceiling, unit));
        }
        return q.value().longValueExact();
    }

    /**
     * The draft; a new report needs at least one figure and defaults its date to today, a
     * correction may change only a field and leaves the date alone when none is written.
     * The unit is spelled as the directory does, or refused when it is a near miss of a
     * unit listed for the district.
     */
    ReportDraft build(boolean correction) {
        String unit = this.unit == null ? null : units.spelling(district, this.unit);
        if (unit != null && district != null) {
            String written = this.unit;
            units.nearMiss(district, unit).ifPresent(meant -> {
                throw new Unreadable(new Refusal.UnknownUnit(written, district, meant));
            });
        }
        ReportDraft draft = new ReportDraft(district, unit, category,
                date == null && !correction ? parse.today() : date, metrics, items, explicitTotal, valueYuan, note);
        boolean changesSomething = draft.hasFigures() || district != null || unit != null || category != null
                || date != null || note != null;
        if (correction ? !changesSomething : !draft.hasFigures()) {
            throw new Unreadable(new Refusal.NoFigures());
        }
        return draft;
    }

}
