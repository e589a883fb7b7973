package cn.cdsw.tallybot.expectation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.config.ReportingDays;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The units expected to report on a day, by {@link ExpectationRule} over
 * {@code units.yml}, the calendar and the stored campaigns (docs/reminders.md §2): what
 * reminders, the summary's missing list, {@code #未报} and the weekly "never reported" list
 * all ask.
 */
@Service
public class ExpectedUnits {

    private final BotConfig config;

    private final CampaignRepository campaigns;

    private final Clock clock;

    public ExpectedUnits(BotConfig config, CampaignRepository campaigns, Clock clock) {
        this.config = config;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /**
     * The units expected on {@code date}, in directory order (districts as
     * {@code districts.yml} lists them); {@code group} is where the question is asked
     * (its reporting days apply to units that set none), or null for the city's view.
     */
    public List<ExpectedUnit> on(LocalDate date, @Nullable GroupConfig group) {
        ExpectationRule rule = new ExpectationRule(config.calendar(), campaigns.touching(date, date));
        ReportingDays groupDays = group == null ? ReportingDays.UNSET : group.reportingDays();
        List<ExpectedUnit> expected = new ArrayList<>();
        for (District district : config.districts().all()) {
            for (String unit : config.unitDirectory().unitsOf(district.name())) {
                if (rule.expected(district.name(), date, config.unitDirectory().reportingDaysOf(district.name(), unit),
                        groupDays)) {
                    expected.add(new ExpectedUnit(district.name(), unit));
                }
            }
        }
        return expected;
    }

    /**
     * The units expected on at least one day from {@code from} to {@code to}: a weekly
     * list of units that never reported names only these.
     */
    public List<ExpectedUnit> during(LocalDate from, LocalDate to) {
        Set<ExpectedUnit> expected = new LinkedHashSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            expected.addAll(on(day, null));
        }
        List<ExpectedUnit> ordered = new ArrayList<>();
        for (District district : config.districts().all()) {
            for (String unit : config.unitDirectory().unitsOf(district.name())) {
                ExpectedUnit candidate = new ExpectedUnit(district.name(), unit);
                if (expected.contains(candidate)) {
                    ordered.add(candidate);
                }
            }
        }
        return ordered;
    }

    /**
     * Whether the city reports at all on {@code date} (a working day or a campaign day).
     */
    public boolean reportingDay(LocalDate date) {
        return new ExpectationRule(config.calendar(), campaigns.touching(date, date)).reportingDay(date);
    }

    /**
     * Stores a coordinator's 开启 or 关闭 for a district ({@code null}: the city) from
     * {@code from} to {@code to} (null: open-ended).
     */
    public Campaign set(@Nullable String district, LocalDate from, @Nullable LocalDate to, boolean on, String platform,
            String userId, String userName) {
        Instant now = clock.instant();
        Campaign campaign = new Campaign(0, district, from, to, on, platform, userId, userName, now);
        campaigns.add(campaign);
        return campaign;
    }

    /** The campaigns that still matter today or later, in the order set. */
    public List<Campaign> schedule(LocalDate today) {
        return campaigns.current(today);
    }

}
