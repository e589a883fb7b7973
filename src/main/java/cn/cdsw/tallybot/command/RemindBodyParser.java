package cn.cdsw.tallybot.command;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.CommandWords;
import cn.cdsw.tallybot.config.District;

/**
 * Reads the bodies of #催报 and #免打扰 (docs/reminders.md §3): a switch word of
 * {@code commands.yml} first, then for 开启/关闭 the place (全市 or a district, the city when
 * left out) and the dates in any order. Campaign dates look ahead: 12月1日 typed in late
 * November is this December, and an end before its start is in the next year
 * (12月20日-1月10日).
 */
final class RemindBodyParser {

    private static final Pattern WORDS = Pattern.compile("\\s+");

    /**
     * The two ends of a range; a hyphen separates only after 日/号, as ISO dates hold
     * hyphens.
     */
    private static final Pattern RANGE = Pattern.compile("(.+?)(?:至|到|~|—+|–+|(?<=[日号])-)(.+)");

    private static final Pattern MONTH_DAY = Pattern.compile("([0-9]{1,2})月([0-9]{1,2})[日号]?");

    private static final Pattern DAY_ONLY = Pattern.compile("([0-9]{1,2})[日号]");

    private static final String CITY = "全市";

    private RemindBodyParser() {
    }

    static Command.Remind remind(String body, ParseContext context, BotConfig config) {
        String[] words = body.isBlank() ? new String[0] : WORDS.split(TextNormalizer.normalize(body).strip());
        if (words.length == 0) {
            return Command.Remind.of(Command.RemindAction.SHOW);
        }
        CommandWords.Switch first = config.commands()
            .switchOf(words[0])
            .orElseThrow(() -> new Unreadable(new Refusal.IncompleteCommand(body, CommandType.REMIND)));
        if (first == CommandWords.Switch.NOW) {
            if (words.length > 1) {
                throw new Unreadable(new Refusal.IncompleteCommand(body, CommandType.REMIND));
            }
            return Command.Remind.of(Command.RemindAction.NOW);
        }
        String district = null;
        boolean placed = false;
        LocalDate from = null;
        LocalDate to = null;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            Optional<District> named = config.districts().resolve(word);
            if (!placed && word.equals(CITY)) {
                placed = true;
            }
            else if (!placed && named.isPresent()) {
                district = named.get().name();
                placed = true;
            }
            else if (from == null) {
                LocalDate[] range = range(word, context.today())
                    .orElseThrow(() -> new Unreadable(new Refusal.IncompleteCommand(body, CommandType.REMIND)));
                from = range[0];
                to = range[1];
            }
            else {
                throw new Unreadable(new Refusal.IncompleteCommand(body, CommandType.REMIND));
            }
        }
        Command.RemindAction action = first == CommandWords.Switch.ON ? Command.RemindAction.ON
                : Command.RemindAction.OFF;
        return new Command.Remind(action, district, from == null ? context.today() : from, to);
    }

    static Command.Mute mute(String body, BotConfig config) {
        String text = TextNormalizer.normalize(body).strip();
        if (text.isEmpty()) {
            return new Command.Mute(true);
        }
        Optional<CommandWords.Switch> word = config.commands().switchOf(text);
        if (word.isPresent() && word.get() != CommandWords.Switch.NOW) {
            return new Command.Mute(word.get() == CommandWords.Switch.ON);
        }
        throw new Unreadable(new Refusal.IncompleteCommand(body, CommandType.MUTE));
    }

    /** One day or a range of days, both ends inclusive. */
    static Optional<LocalDate[]> range(String word, LocalDate today) {
        Optional<LocalDate> single = date(word, today, null);
        if (single.isPresent()) {
            return Optional.of(new LocalDate[] { single.get(), single.get() });
        }
        Matcher m = RANGE.matcher(word);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<LocalDate> from = date(m.group(1), today, null);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> to = date(m.group(2), today, from.get());
        if (to.isEmpty()) {
            return Optional.empty();
        }
        LocalDate end = to.get();
        if (end.isBefore(from.get())) {
            end = end.plusYears(1);
        }
        return Optional.of(new LocalDate[] { from.get(), end });
    }

    /**
     * A month and day without a year is the one nearest to {@code today}, looking ahead
     * rather than back; a day alone ({@code 31日}) is in the month of {@code start}.
     */
    private static Optional<LocalDate> date(String text, LocalDate today, @Nullable LocalDate start) {
        Matcher monthDay = MONTH_DAY.matcher(text);
        if (monthDay.matches()) {
            return ahead(Integer.parseInt(monthDay.group(1)), Integer.parseInt(monthDay.group(2)), today);
        }
        Matcher dayOnly = DAY_ONLY.matcher(text);
        if (start != null && dayOnly.matches()) {
            return ahead(start.getMonthValue(), Integer.parseInt(dayOnly.group(1)), start);
        }
        // 今天, 2026年12月1日, 2026-12-01: read as every other command reads them
        return DateExpressions.parse(text, today);
    }

    private static Optional<LocalDate> ahead(int month, int day, LocalDate today) {
        for (int year : new int[] { today.getYear(), today.getYear() + 1 }) {
            try {
                LocalDate date = LocalDate.of(year, month, day);
                // a campaign is set for days to come; a day more than half a year gone is
                // next year's
                if (!date.isBefore(today.minusMonths(6))) {
                    return Optional.of(date);
                }
            }
            catch (DateTimeException invalid) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

}
