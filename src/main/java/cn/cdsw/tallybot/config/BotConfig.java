package cn.cdsw.tallybot.config;

import java.util.List;
import java.util.Objects;

/** Everything loaded from {@code bot-config/}, immutable once the bot has started. */
public record BotConfig(DistrictDirectory districts, MetricDictionary metrics, MaterialsVocabulary materials,
        List<String> categories, CommandWords commands, Grammar grammar, GroupDirectory groups,
        Coordinators coordinators, UnitDirectory unitDirectory, ProseVocabulary prose, WorkCalendar calendar) {

    public BotConfig {
        categories = List.copyOf(categories);
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Without a calendar: weekends only, no holidays. */
    public BotConfig(DistrictDirectory districts, MetricDictionary metrics, MaterialsVocabulary materials,
            List<String> categories, CommandWords commands, Grammar grammar, GroupDirectory groups,
            Coordinators coordinators, UnitDirectory unitDirectory, ProseVocabulary prose) {
        this(districts, metrics, materials, categories, commands, grammar, groups, coordinators, unitDirectory, prose,
                WorkCalendar.NONE);
    }
}
