package cn.cdsw.tallybot.config;

import java.util.List;

/** Everything loaded from {@code bot-config/}, immutable once the bot has started. */
public record BotConfig(DistrictDirectory districts, MetricDictionary metrics, MaterialsVocabulary materials,
        List<String> categories, CommandWords commands, Grammar grammar, GroupDirectory groups,
        Coordinators coordinators, UnitDirectory unitDirectory, ProseVocabulary prose) {

    public BotConfig {
        categories = List.copyOf(categories);
    }
}
