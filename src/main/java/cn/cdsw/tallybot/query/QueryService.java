package cn.cdsw.tallybot.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.expectation.ExpectedUnit;
import cn.cdsw.tallybot.expectation.ExpectedUnits;

/**
 * The query feature's entry point: totals, rankings and the missing-report list over
 * active records.
 */
@Service
public class QueryService {

    private final TotalsRepository totals;

    private final RollupTotalsRepository rollups;

    private final BotConfig config;

    private final ExpectedUnits expected;

    QueryService(TotalsRepository totals, RollupTotalsRepository rollups, BotConfig config, ExpectedUnits expected) {
        this.totals = totals;
        this.rollups = rollups;
        this.config = config;
        this.expected = expected;
    }

    /**
     * Totals of a scope over a date range, both ends inclusive. The city and a district
     * read the rollups; a unit, whose records are few, is summed from its records.
     */
    @Transactional(readOnly = true)
    public Totals totals(LocalDate from, LocalDate to, Scope scope) {
        Map<String, Figures> byDistrict;
        List<ItemTotal> items;
        if (scope.unit() == null) {
            RollupTotalsRepository.Slice slice = new RollupTotalsRepository.Slice(from, to, scope.district());
            byDistrict = rollups.byDistrict(slice);
            items = rollups.items(slice);
        }
        else {
            TotalsRepository.Criteria criteria = new TotalsRepository.Criteria(from, to, scope);
            byDistrict = totals.byDistrict(criteria);
            items = totals.items(criteria);
        }
        List<DistrictTotals> districts = new ArrayList<>();
        byDistrict.forEach((district, figures) -> districts.add(new DistrictTotals(district, figures)));
        return new Totals(from, to, scope, sum(byDistrict.values()), items, districts);
    }

    /**
     * The figures of every day from {@code from} to {@code to}, in date order, each what
     * {@link #totals} of that one day gives (zeros on a day without a report). The city
     * and a district read the day rollups in three statements, not three per day; a unit
     * adds up its records day by day.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Figures> eachDay(LocalDate from, LocalDate to, Scope scope) {
        Map<LocalDate, Figures> stored = scope.unit() == null ? rollups.byDay(from, to, scope.district()) : Map.of();
        Map<LocalDate, Figures> days = new LinkedHashMap<>();
        Figures none = sum(List.of());
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, scope.unit() == null ? stored.getOrDefault(day, none) : totals(day, day, scope).figures());
        }
        return days;
    }

    /**
     * Every day from {@code from} to {@code to}: metric {@code key} in {@code unit} and
     * the materials total, each what {@link #totals} of that one day gives (zero on a day
     * without a report). The city and a district read the day rollups in two statements,
     * not two per day; a unit adds up its records day by day.
     */
    @Transactional(readOnly = true)
    public List<DayFigures> daily(LocalDate from, LocalDate to, Scope scope, String key, String unit) {
        List<DayFigures> days = new ArrayList<>();
        if (scope.unit() != null) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Figures f = totals(day, day, scope).figures();
                days.add(new DayFigures(day, f.metric(key, unit), f.materialsTotal()));
            }
            return days;
        }
        Map<LocalDate, DayFigures> stored = rollups.daily(from, to, scope.district(), key, unit);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(stored.getOrDefault(day, new DayFigures(day, 0, 0)));
        }
        return days;
    }

    /**
     * The figures of every unit with an active record in the scope and dates, by district
     * and unit name: from the per-unit rollups for the city or a district, from the
     * records for one unit, like {@link #totals}. A district's units add up to its
     * figures in {@link #totals}.
     */
    @Transactional(readOnly = true)
    public List<UnitTotals> unitTotals(LocalDate from, LocalDate to, Scope scope) {
        if (scope.unit() != null) {
            return totals.byUnit(new TotalsRepository.Criteria(from, to, scope));
        }
        return rollups.byUnit(new RollupTotalsRepository.Slice(from, to, scope.district()));
    }

    /**
     * Districts or units of the city or a district from the rollups; within one unit,
     * from its records.
     */
    @Transactional(readOnly = true)
    public List<RankEntry> rank(LocalDate from, LocalDate to, Scope scope, RankBy by, boolean byUnit) {
        if (scope.unit() != null) {
            return totals.rank(new TotalsRepository.Criteria(from, to, scope), by, byUnit);
        }
        RollupTotalsRepository.Slice slice = new RollupTotalsRepository.Slice(from, to, scope.district());
        return rollups.rank(slice, by, byUnit);
    }

    /**
     * The units metric {@code key} was reported in within the scope and dates, the most
     * used first (most active lines; a tie goes to the unit metrics.yml lists first):
     * what a ranking by the metric reads when no unit was named, since figures in
     * different units are never added (docs/domain.md §2). Empty when nothing was
     * reported.
     */
    @Transactional(readOnly = true)
    public List<String> unitsByUse(LocalDate from, LocalDate to, Scope scope, String key) {
        Map<String, Long> use = scope.unit() != null
                ? totals.unitUse(new TotalsRepository.Criteria(from, to, scope), key)
                : rollups.unitUse(new RollupTotalsRepository.Slice(from, to, scope.district()), key);
        List<String> dictionary = config.metrics().byKey(key).map(m -> m.units()).orElse(List.of());
        return use.keySet()
            .stream()
            .sorted(Comparator.comparingLong((String unit) -> -use.get(unit))
                .thenComparingInt(unit -> dictionary.contains(unit) ? dictionary.indexOf(unit) : dictionary.size())
                .thenComparing(Comparator.naturalOrder()))
            .toList();
    }

    /**
     * The directory's units ("district·unit") expected on {@code date} (docs/reminders.md
     * §2) without an active record that day, in directory order; all districts when
     * {@code district} is null.
     */
    @Transactional(readOnly = true)
    public List<String> missing(LocalDate date, @Nullable String district) {
        return missing(date, district, null).stream().map(ExpectedUnit::name).toList();
    }

    /**
     * {@link #missing(LocalDate, String)} as seen from {@code group}, whose reporting
     * days apply to units that set none; the city's view when {@code group} is null.
     */
    @Transactional(readOnly = true)
    public List<ExpectedUnit> missing(LocalDate date, @Nullable String district, @Nullable GroupConfig group) {
        Set<String> reported = totals.reportedUnits(date, district);
        List<ExpectedUnit> missing = new ArrayList<>();
        for (ExpectedUnit unit : expected.on(date, group)) {
            if ((district == null || district.equals(unit.district())) && !reported.contains(unit.name())) {
                missing.add(unit);
            }
        }
        return missing;
    }

    /**
     * The units ("district·unit") expected on at least one day of [from, to]
     * (docs/reminders.md §2) without a single active record in it, in directory order;
     * all districts when {@code district} is null.
     */
    @Transactional(readOnly = true)
    public List<String> missing(LocalDate from, LocalDate to, @Nullable String district) {
        Set<String> reported = totals.reportedUnits(from, to, district);
        List<String> missing = new ArrayList<>();
        for (ExpectedUnit unit : expected.during(from, to)) {
            if ((district == null || district.equals(unit.district())) && !reported.contains(unit.name())) {
                missing.add(unit.name());
            }
        }
        return missing;
    }

    /**
     * City figures are the districts' added up: counts and sums add, a sum is approximate
     * when any part of it is, and units are counted per district.
     */
    static Figures sum(Collection<Figures> parts) {
        long reports = 0;
        long units = 0;
        long materials = 0;
        BigDecimal value = BigDecimal.ZERO;
        Map<String, MetricTotal> metrics = new LinkedHashMap<>();
        for (Figures f : parts) {
            reports += f.reports();
            units += f.units();
            materials += f.materialsTotal();
            value = value.add(f.valueYuan());
            for (MetricTotal m : f.metrics()) {
                metrics.merge(m.key() + "\u0000" + m.unit(), m,
                        (a, b) -> new MetricTotal(a.key(), a.unit(), a.value() + b.value(), a.approx() || b.approx()));
            }
        }
        List<MetricTotal> sorted = metrics.values()
            .stream()
            .sorted(Comparator.comparing(MetricTotal::key).thenComparing(MetricTotal::unit))
            .toList();
        return new Figures(reports, units, sorted, materials, value);
    }

}
