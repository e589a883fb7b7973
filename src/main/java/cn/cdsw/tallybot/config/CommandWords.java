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

    public Optional<CommandType> lookup(String word) {
        return Optional.ofNullable(words.get(word.toLowerCase(Locale.ROOT)));
    }
}
