package cn.cdsw.tallybot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Command prefixes (#, /) and the words that name each command, from
 * {@code commands.yml}, in the file's order: the first word of a command is the one
 * replies show.
 */
public record CommandWords(List<String> prefixes, Map<String, CommandType> words) {

    public CommandWords {
        prefixes = List.copyOf(prefixes);
        words = Collections.unmodifiableMap(new LinkedHashMap<>(words));
    }

    /**
     * The word replies use for a command: its first word in {@code commands.yml} (上报 for
     * report).
     */
    public String primary(CommandType type) {
        return words.entrySet()
            .stream()
            .filter(e -> e.getValue() == type)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no word for command " + type.configKey()));
    }

    /**
     * {@code text} without the prefix it starts with and the spaces after it; unchanged
     * when it has none.
     */
    public String withoutPrefix(String text) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return text.substring(prefix.length()).stripLeading();
            }
        }
        return text;
    }

    public Optional<CommandType> lookup(String word) {
        return Optional.ofNullable(words.get(word.toLowerCase(Locale.ROOT)));
    }
}
