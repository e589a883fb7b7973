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
public record CommandWords(List<String> prefixes, Map<String, CommandType> words, Map<String, Switch> switches) {

    /**
     * The words after {@code #催报} and {@code #免打扰}: turn on, turn off, at once
     * ({@code switches} in {@code commands.yml}).
     */
    public enum Switch {

        ON, OFF, NOW;

        public String configKey() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    public CommandWords {
        prefixes = List.copyOf(prefixes);
        words = Collections.unmodifiableMap(new LinkedHashMap<>(words));
        switches = Collections.unmodifiableMap(new LinkedHashMap<>(switches));
    }

    public CommandWords(List<String> prefixes, Map<String, CommandType> words) {
        this(prefixes, words, Map.of());
    }

    /** The switch {@code word} names, if it names one. */
    public Optional<Switch> switchOf(String word) {
        return Optional.ofNullable(switches.get(word.toLowerCase(Locale.ROOT)));
    }

    /** The first word of a switch, as replies show it (开启). */
    public String primary(Switch value) {
        return switches.entrySet()
            .stream()
            .filter(e -> e.getValue() == value)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(value.configKey());
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
