package cn.cdsw.tallybot.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Command prefixes (#, /) and the words that name each command, from {@code commands.yml}. */
public record CommandWords(List<String> prefixes, Map<String, CommandType> words) {

    public CommandWords {
        prefixes = List.copyOf(prefixes);
        words = Map.copyOf(words);
    }

    /** {@code text} without the prefix it starts with and the spaces after it; unchanged when it has none. */
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
