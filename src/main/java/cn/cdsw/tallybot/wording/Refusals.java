package cn.cdsw.tallybot.wording;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.cdsw.tallybot.command.Refusal;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.InputLimits;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.config.ReportField;
import cn.cdsw.tallybot.query.Period;

/**
 * What the grammar could not read (docs/commands.md §8): each reply names the fragment,
 * says what was wrong and that nothing was stored, and shows what to send instead, with
 * the units and words of bot-config.
 */
public final class Refusals {

    /**
     * How many materials units a refusal lists before "…": enough to show the kind of
     * word wanted.
     */
    static final int UNITS_SHOWN = 6;

    /** How many materials units an example of an item without its unit offers. */
    static final int ITEM_UNITS_OFFERED = 4;

    private final BotConfig config;

    private final FigureStyle figures;

    private final Template unreadable;

    private final Template unknownMetric;

    private final Template unknownField;

    private final Template unknownDistrict;

    private final Template unknownDistrictNoGuess;

    private final Template unknownUnit;

    private final Template unknownCategory;

    private final Template unreadableDate;

    private final Template futureDate;

    private final Template tooOld;

    private final Template tooLarge;

    private final Template negative;

    private final Template notWhole;

    private final Template unitMissing;

    private final Template unitWrong;

    private final Template moreUnits;

    private final String valueUnits;

    private final Template totalUnitWrong;

    private final Template itemOutsideMaterials;

    private final Template itemWithoutName;

    private final Template duplicate;

    private final Template conflict;

    private final String noFigures;

    private final String noFiguresInProse;

    private final Map<CommandType, String> forms = new EnumMap<>(CommandType.class);

    private final Map<CommandType, String> examples = new EnumMap<>(CommandType.class);

    private final Template unknownWord;

    private final Template notOneDay;

    private final Template periodTooEarly;

    private final Template notAvailable;

    private final Template tooLong;

    private final Template bulletinTooLarge;

    private final Map<InputLimits.Field, String> limitedFields = new EnumMap<>(InputLimits.Field.class);

    Refusals(Catalogue c, BotConfig config, FigureStyle figures) {
        this.config = config;
        this.figures = figures;
        unreadable = c.template("refusals.unreadable", "fragment");
        unknownMetric = c.template("refusals.unknown-metric", "fragment", "suggestion");
        unknownField = c.template("refusals.unknown-field", "field", "fields");
        unknownDistrict = c.template("refusals.unknown-district", "fragment", "nearest");
        unknownDistrictNoGuess = c.template("refusals.unknown-district-no-guess", "fragment");
        unknownUnit = c.template("refusals.unknown-unit", "district", "fragment", "meant");
        unknownCategory = c.template("refusals.unknown-category", "fragment", "categories");
        unreadableDate = c.template("refusals.unreadable-date", "fragment");
        futureDate = c.template("refusals.future-date", "fragment");
        tooOld = c.template("refusals.too-old", "fragment", "days");
        tooLarge = c.template("refusals.too-large", "fragment", "ceiling");
        negative = c.template("refusals.negative", "fragment");
        notWhole = c.template("refusals.not-whole", "fragment");
        unitMissing = c.template("refusals.unit-missing", "fragment", "what", "units", "example");
        unitWrong = c.template("refusals.unit-wrong", "fragment", "what", "units");
        moreUnits = c.template("refusals.more-units", "units");
        valueUnits = c.text("refusals.value-units");
        totalUnitWrong = c.template("refusals.total-unit-wrong", "fragment");
        itemOutsideMaterials = c.template("refusals.item-outside-materials", "fragment");
        itemWithoutName = c.template("refusals.item-without-name", "fragment");
        duplicate = c.template("refusals.duplicate", "fragment");
        conflict = c.template("refusals.conflict", "fragment", "field");
        noFigures = c.text("refusals.no-figures");
        noFiguresInProse = c.text("refusals.no-figures-in-prose");
        forms.put(CommandType.BIND, c.text("refusals.bind-form"));
        forms.put(CommandType.RETRACT, c.text("refusals.retract-form"));
        forms.put(CommandType.CORRECT, c.text("refusals.correct-form"));
        forms.put(CommandType.REMIND, c.text("refusals.remind-form"));
        forms.put(CommandType.MUTE, c.text("refusals.mute-form"));
        for (CommandType query : List.of(CommandType.QUERY, CommandType.RANK, CommandType.LIST, CommandType.MISSING,
                CommandType.SUMMARY, CommandType.WEEKLY, CommandType.MONTHLY)) {
            examples.put(query, c.text("examples." + query.configKey()));
        }
        unknownWord = c.template("refusals.unknown-word", "fragment", "example");
        notOneDay = c.template("refusals.not-one-day", "fragment");
        periodTooEarly = c.template("refusals.period-too-early", "fragment", "earliest");
        notAvailable = c.template("refusals.not-available", "command");
        tooLong = c.template("refusals.too-long", "what", "limit", "fragment");
        bulletinTooLarge = c.template("bulletin.too-large", "max-stations", "max-characters", "stations", "characters");
        for (InputLimits.Field field : InputLimits.Field.values()) {
            limitedFields.put(field, c.text("refusals.too-long-" + field.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** The reply to a message the grammar refused. */
    public String of(Refusal refusal) {
        String f = refusal.fragment();
        if (refusal instanceof Refusal.NotUnderstood) {
            return unreadable.fill(f);
        }
        if (refusal instanceof Refusal.UnknownMetric r) {
            return unknownMetric.fill(f, r.suggestion());
        }
        if (refusal instanceof Refusal.ItemOutsideMaterials) {
            return itemOutsideMaterials.fill(f);
        }
        if (refusal instanceof Refusal.UnknownField r) {
            return unknownField.fill(r.field(), figures.names(fieldNames()));
        }
        if (refusal instanceof Refusal.UnknownDistrict r) {
            return r.nearest().isEmpty() ? unknownDistrictNoGuess.fill(f)
                    : unknownDistrict.fill(f, figures.names(r.nearest()));
        }
        if (refusal instanceof Refusal.UnknownUnit r) {
            return unknownUnit.fill(r.district(), f, r.meant());
        }
        if (refusal instanceof Refusal.UnknownCategory) {
            return unknownCategory.fill(f, figures.names(config.categories()));
        }
        if (refusal instanceof Refusal.UnreadableDate) {
            return unreadableDate.fill(f);
        }
        if (refusal instanceof Refusal.FutureDate) {
            return futureDate.fill(f);
        }
        if (refusal instanceof Refusal.TooOld r) {
            return tooOld.fill(f, figures.number(r.days()));
        }
        if (refusal instanceof Refusal.TooLarge r) {
            return tooLarge.fill(f, figures.figure("", r.ceiling(), r.unit()));
        }
        if (refusal instanceof Refusal.Negative) {
            return negative.fill(f);
        }
        if (refusal instanceof Refusal.NotWhole) {
            return notWhole.fill(f);
        }
        return units(refusal);
    }

    private String units(Refusal refusal) {
        String f = refusal.fragment();
        if (refusal instanceof Refusal.MetricUnitMissing r) {
            MetricDefinition metric = metric(r.metricKey());
            return unitMissing.fill(f, metric.label(), figures.names(metric.units()),
                    figures.figure(metric.label(), 3, metric.units().get(0)));
        }
        if (refusal instanceof Refusal.MetricUnitWrong r) {
            MetricDefinition metric = metric(r.metricKey());
            return unitWrong.fill(f, metric.label(), figures.names(metric.acceptedUnits()));
        }
        if (refusal instanceof Refusal.ItemUnitMissing r) {
            List<String> offered = materialsUnits(ITEM_UNITS_OFFERED);
            return unitMissing.fill(f, r.item(), figures.names(offered), figures.figure(r.item(), 3, offered.get(0)));
        }
        if (refusal instanceof Refusal.ItemUnitWrong) {
            List<String> shown = materialsUnits(UNITS_SHOWN);
            String units = figures.names(shown);
            return unitWrong.fill(f, config.grammar().name(ReportField.MATERIALS),
                    shown.size() < config.materials().units().size() ? moreUnits.fill(units) : units);
        }
        if (refusal instanceof Refusal.TotalUnitWrong) {
            return totalUnitWrong.fill(f);
        }
        if (refusal instanceof Refusal.ValueUnitWrong) {
            return unitWrong.fill(f, config.grammar().name(ReportField.VALUE), valueUnits);
        }
        return forms(refusal);
    }

    private String forms(Refusal refusal) {
        String f = refusal.fragment();
        if (refusal instanceof Refusal.ItemWithoutName) {
            return itemWithoutName.fill(f);
        }
        if (refusal instanceof Refusal.Duplicate) {
            return duplicate.fill(f);
        }
        if (refusal instanceof Refusal.Conflict r) {
            return conflict.fill(f, config.grammar().name(r.field()));
        }
        if (refusal instanceof Refusal.NoFigures) {
            return noFigures;
        }
        if (refusal instanceof Refusal.NoFiguresInProse) {
            return noFiguresInProse;
        }
        if (refusal instanceof Refusal.IncompleteCommand r && forms.containsKey(r.command())) {
            return forms.get(r.command());
        }
        if (refusal instanceof Refusal.UnknownQueryWord r && examples.containsKey(r.command())) {
            return unknownWord.fill(f, examples.get(r.command()));
        }
        if (refusal instanceof Refusal.NotOneDay) {
            return notOneDay.fill(f);
        }
        if (refusal instanceof Refusal.PeriodTooEarly) {
            return periodTooEarly.fill(f, figures.date(Period.EARLIEST));
        }
        if (refusal instanceof Refusal.NotAvailable r) {
            return notAvailable.fill(config.commands().primary(r.command()));
        }
        if (refusal instanceof Refusal.TooLong r) {
            return tooLong.fill(limitedFields.get(r.field()), figures.number(r.limit()), f);
        }
        if (refusal instanceof Refusal.BulletinTooLarge r) {
            return bulletinTooLarge.fill(figures.number(r.maxStations()), figures.number(r.maxCharacters()),
                    figures.number(r.stations()), figures.number(r.characters()));
        }
        throw new IllegalStateException("no wording for " + refusal.getClass().getSimpleName());
    }

    private MetricDefinition metric(String key) {
        return config.metrics().byKey(key).orElseThrow(() -> new IllegalStateException("unknown metric " + key));
    }

    private List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (ReportField field : ReportField.values()) {
            names.add(config.grammar().name(field));
        }
        return names;
    }

    private List<String> materialsUnits(int count) {
        return config.materials().units().stream().limit(count).toList();
    }

}
