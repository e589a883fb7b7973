package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.config.ReportField;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.query.RankBy;
import cn.cdsw.tallybot.query.Scope;

/**
 * The query grammar (docs/commands.md §7): {@code #统计 [全市|区县|单位] [时段]},
 * {@code #排行 [指标[ 单位]] [时段] [单位]}, {@code #明细 …}, {@code #未报 [日期] [区县]},
 * {@code #日报 [日期]}, {@code #导出 [全市|区县|单位] [时段]}. Words may come in any order; one that is
 * none of these is refused by name. The period defaults to today.
 */
final class QueryBodyParser {

    private static final Pattern RANGE_SPACES = Pattern.compile("\\s*([" + DateRanges.SEPARATOR_CHARACTERS + "])\\s*");

    private static final Pattern WORDS = Pattern.compile("[\\s,、;。]+");

    /** The period of a ledger when none is named. */
    private static final String THIS_MONTH = "本月";

    private final BotConfig config;

    QueryBodyParser(BotConfig config) {
        this.config = config;
    }

    /** The words of a query: period, scope, and for rankings what to rank by. */
    private final class Reading {

        @Nullable Period period;

        @Nullable String district;

        @Nullable String unit;

        @Nullable RankBy rankBy;

        /** The ranking's metric came with its unit (走访人次, 走访 人次). */
        boolean unitNamed;

        boolean byUnit;

        boolean city;

    }

    Command.Query query(String body, ParseContext context) {
        Reading r = read(body, context, false, CommandType.QUERY);
        return new Command.Query(scope(r, context), period(r, context));
    }

    Command.ListRecords list(String body, ParseContext context) {
        Reading r = read(body, context, false, CommandType.LIST);
        return new Command.ListRecords(scope(r, context), period(r, context));
    }

    Command.Rank rank(String body, ParseContext context) {
        Reading r = read(body, context, true, CommandType.RANK);
        RankBy by = r.rankBy != null ? r.rankBy : defaultRank();
        Scope scope = scope(r, context);
        return new Command.Rank(scope, period(r, context), by, r.byUnit || scope.district() != null,
                r.unitNamed || !(by instanceof RankBy.Metric));
    }

    /** A ledger covers a month when no period is named: the ledger an office files. */
    Command.Export export(String body, ParseContext context) {
        Reading r = read(body, context, false, CommandType.EXPORT);
        return new Command.Export(scope(r, context),
                r.period != null ? r.period : PeriodExpressions.parse(THIS_MONTH, context.today()).orElseThrow());
    }

    Command.Missing missing(String body, ParseContext context) {
        Reading r = read(body, context, false, CommandType.MISSING);
        String district = r.district != null || r.city ? r.district : context.defaultScope().district();
        return new Command.Missing(day(r, context), district);
    }

    Command.PostSummary summary(String body, ParseContext context) {
        Reading r = read(body, context, false, CommandType.SUMMARY);
        return new Command.PostSummary(day(r, context));
    }

    /**
     * #周报 / #月报 [时段]: the report of the period containing the first day written (上周, 11月,
     * 11月28日), or of the last finished one. A report is the city's, so a district or unit
     * is refused rather than ignored.
     */
    Command.PostReport report(String body, ParseContext context, CommandType type) {
        Reading r = read(body, context, false, type);
        String place = r.district != null ? r.district : r.unit;
        if (place != null) {
            throw new Unreadable(new Refusal.UnknownQueryWord(place, type));
        }
        return new Command.PostReport(type, r.period == null ? null : r.period.from());
    }

    private Reading read(String body, ParseContext context, boolean ranking, CommandType command) {
        Reading r = new Reading();
        String text = RANGE_SPACES.matcher(body).replaceAll("$1").strip();
        for (String word : text.isEmpty() ? new String[0] : WORDS.split(text)) {
            if (!readWord(word, r, context, ranking)) {
                throw new Unreadable(PeriodExpressions.beforeEarliest(word, context.today())
                        ? new Refusal.PeriodTooEarly(word) : new Refusal.UnknownQueryWord(word, command));
            }
        }
        return r;
    }

    private boolean readWord(String word, Reading r, ParseContext context, boolean ranking) {
        Optional<Period> period = PeriodExpressions.parse(word, context.today());
        Optional<District> district = config.districts().resolve(word);
        if (period.isPresent() && r.period == null) {
            r.period = period.get();
        }
        else if (word.equals("全市")) {
            r.city = true;
        }
        else if (district.isPresent() && r.district == null) {
            r.district = district.get().name();
        }
        else if (ranking && isByUnit(word)) {
            r.byUnit = true;
        }
        else if (ranking && r.rankBy == null && rankBy(word) != null) {
            r.rankBy = rankBy(word);
            r.unitNamed = !config.metrics().all().stream().anyMatch(m -> m.synonyms().contains(word));
        }
        else if (ranking && r.rankBy instanceof RankBy.Metric metric && !r.unitNamed
                && unitOf(metric.key(), word).isPresent()) {
            r.rankBy = new RankBy.Metric(metric.key(), unitOf(metric.key(), word).get());
            r.unitNamed = true;
        }
        else if (config.grammar().looksLikeUnitName(word) && r.unit == null) {
            r.unit = word;
        }
        else {
            return false;
        }
        return true;
    }

    private static boolean isByUnit(String word) {
        return word.equals("单位") || word.equals("按单位") || word.equals("站点");
    }

    private @Nullable RankBy rankBy(String word) {
        Optional<ReportField> field = config.grammar().field(word);
        if (field.isPresent() && (field.get() == ReportField.MATERIALS || field.get() == ReportField.MATERIALS_TOTAL)) {
            return new RankBy.Materials();
        }
        if (field.isPresent() && field.get() == ReportField.VALUE) {
            return new RankBy.Value();
        }
        if (word.equals("上报") || word.equals("上报数") || word.equals("条数")) {
            return new RankBy.Reports();
        }
        for (MetricDefinition m : config.metrics().all()) {
            for (String synonym : m.synonyms()) {
                if (word.startsWith(synonym)) {
                    String rest = word.substring(synonym.length());
                    Optional<String> unit = rest.isEmpty() ? Optional.of(m.units().get(0)) : m.canonicalUnit(rest);
                    if (unit.isPresent()) {
                        return new RankBy.Metric(m.key(), unit.get());
                    }
                }
            }
        }
        return null;
    }

    /** 人次 for 走访: a unit the metric is counted in, or one of its unit synonyms. */
    private Optional<String> unitOf(String key, String word) {
        return config.metrics().byKey(key).flatMap(m -> m.canonicalUnit(word));
    }

    private RankBy defaultRank() {
        MetricDefinition first = config.metrics().all().get(0);
        return new RankBy.Metric(first.key(), first.units().get(0));
    }

    /** The scope written, else the context's default (全市 always means the city). */
    private static Scope scope(Reading r, ParseContext context) {
        if (r.city) {
            return Scope.CITY;
        }
        return r.district == null && r.unit == null ? context.defaultScope() : new Scope(r.district, r.unit);
    }

    private static Period period(Reading r, ParseContext context) {
        return r.period != null ? r.period : Period.day(context.today(), "今天");
    }

    private static LocalDate day(Reading r, ParseContext context) {
        if (r.period == null) {
            return context.today();
        }
        if (!r.period.from().equals(r.period.to())) {
            throw new Unreadable(new Refusal.NotOneDay(r.period.label()));
        }
        return r.period.from();
    }

}
