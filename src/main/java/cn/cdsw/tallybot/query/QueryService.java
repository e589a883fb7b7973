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
import cn.cdsw.tallybot.config.District;

/**
 * The query feature's entry point: totals, rankings and the missing-report list over
 * active records.
 */
@Service
public class QueryService {

    private final TotalsRepository totals;

    private final RollupTotalsRepository rollups;

    private final BotConfig config;

    QueryService(TotalsRepository totals, RollupTotalsRepository rollups, BotConfig config) {
        this.totals = totals;
        this.rollups = rollups;
        this.config = config;
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
     * The directory's units ("district·unit") without an active record on {@code date},
     * in directory order; all districts when {@code district} is null.
     */
    @Transactional(readOnly = true)
    public List<String> missing(LocalDate date, @Nullable String district) {
        Set<String> reported = totals.reportedUnits(date, district);
        List<String> missing = new ArrayList<>();
        for (District d : config.districts().all()) {
            if (district != null && !district.equals(d.name())) {
                continue;
            }
            for (String unit : config.unitDirectory().unitsOf(d.name())) {
                String name = d.name() + "·" + unit;
                if (!reported.contains(name)) {
                    missing.add(name);
                }
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
