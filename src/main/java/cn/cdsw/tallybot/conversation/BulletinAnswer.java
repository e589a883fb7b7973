package cn.cdsw.tallybot.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.cdsw.tallybot.config.BotConfig;

/**
 * A coordinator's answer to a bulletin's read-back: a cancel word, or a confirm word
 * alone (every station) or with the numbers of the stations to store ({@code 确认 1 3},
 * {@code 确认1、3}, {@code 确认第1-3条}). Empty for anything else, which is no answer.
 *
 * @param cancel whether the answer drops the bulletin
 * @param numbers the stations named, in the order written, each once; empty for all
 */
record BulletinAnswer(boolean cancel, List<Integer> numbers) {

    private static final Pattern NUMBERS = Pattern.compile(
            "^第?\\s*([0-9]{1,3}(?:\\s*-\\s*[0-9]{1,3})?(?:\\s*(?:[,、和及]|\\s)\\s*[0-9]{1,3}(?:\\s*-\\s*[0-9]{1,3})?)*)\\s*条?$");

    private static final Pattern ONE = Pattern.compile("([0-9]{1,3})(?:\\s*-\\s*([0-9]{1,3}))?");

    /** A range written larger than this is no list of stations. */
    private static final int LONGEST_RANGE = 100;

    BulletinAnswer {
        numbers = List.copyOf(numbers);
    }

    static Optional<BulletinAnswer> read(String text, BotConfig config) {
        String word = ProseConfirmations.answerWord(text, config.commands());
        if (config.prose().cancelWords().contains(word)) {
            return Optional.of(new BulletinAnswer(true, List.of()));
        }
        List<String> confirmWords = config.prose()
            .confirmWords()
            .stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
        for (String confirm : confirmWords) {
            if (word.startsWith(confirm)) {
                Optional<List<Integer>> numbers = numbers(word.substring(confirm.length()).strip());
                if (numbers.isPresent()) {
                    return Optional.of(new BulletinAnswer(false, numbers.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Integer>> numbers(String rest) {
        if (rest.isEmpty()) {
            return Optional.of(List.of());
        }
        if (!NUMBERS.matcher(rest).matches()) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        Matcher m = ONE.matcher(rest);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from || to - from > LONGEST_RANGE) {
                return Optional.empty();
            }
            for (int n = from; n <= to; n++) {
                if (!numbers.contains(n)) {
                    numbers.add(n);
                }
            }
        }
        return Optional.of(numbers);
    }

}
