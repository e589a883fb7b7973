package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date ranges of queries (docs/commands.md §6), {@code 11月1日-11月28日} and
 * {@code 2026-11-01~2026-11-28}: two ends, each read by {@link DateExpressions}, so a
 * range accepts exactly the dates a report does.
 * <p>
 * The hard part is the hyphen, which also sits inside {@code 11-28} and
 * {@code 2026-11-28}. It separates a range only where that cannot be misread: when it is
 * the only hyphen ({@code 11月1日-11月28日}, {@code 11.1-11.28}), or between two full ISO
 * dates, whose four-digit years mark where each one starts. {@code 11-01-11-28} is
 * refused rather than guessed at; {@code 11-01~11-28} says the same thing unambiguously.
 */
final class DateRanges {

    /**
     * {@code ~} (and {@code ～}, which normalising folds into it), {@code 至}, {@code 到},
     * and dashes: Chinese IMEs type {@code ——} for the minus key, and word processors
     * turn hyphens into {@code –}.
     */
    private static final Pattern SEPARATOR = Pattern.compile("~|至|到|—+|–+");

    /**
     * Every character that may stand between the two ends of a range ({@code -} as in
     * {@code 11月1日-28日}), for a caller that removes the spaces people put around it; kept
     * here so the two cannot drift apart.
     */
    static final String SEPARATOR_CHARACTERS = "-~至到—–";

    private static final Pattern ISO_PAIR = Pattern
        .compile("([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})-([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})");

    /**
     * {@code 28日} in {@code 11月1日-28日}: a day in the month the range starts in, as people
     * write it.
     */
    private static final Pattern DAY_OF_START_MONTH = Pattern.compile("([0-9]{1,2})[日号]");

    /** {@code 至今}, "until now". */
    private static final String NOW = "今";

    private DateRanges() {
    }

    /**
     * Reads {@code text} (normalised, no spaces) as a range; empty if it is not one or
     * its start is after its end. The end may lie after {@code today}; cutting it is the
     * caller's decision.
     */
    static Optional<DateSpan> parse(String text, LocalDate today) {
        return ends(text).flatMap(ends -> span(ends[0], ends[1], today));
    }

    /** The two ends as written, or empty unless exactly one separator splits the text. */
    private static Optional<String[]> ends(String text) {
        String[] parts = SEPARATOR.split(text, -1);
        if (parts.length > 1) {
            return parts.length == 2 ? Optional.of(parts) : Optional.empty();
        }
        Matcher iso = ISO_PAIR.matcher(text);
        if (iso.matches()) {
            return Optional.of(new String[] { iso.group(1), iso.group(2) });
        }
        parts = text.split("-", -1);
        return parts.length == 2 ? Optional.of(parts) : Optional.empty();
    }

    private static Optional<DateSpan> span(String start, String end, LocalDate today) {
        Optional<LocalDate> from = DateExpressions.parseNormalized(start, today);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = from.get();
        return end(end, first, today).filter(last -> !last.isBefore(first)).map(last -> new DateSpan(first, last));
    }

    private static Optional<LocalDate> end(String text, LocalDate from, LocalDate today) {
        if (text.equals(NOW)) {
            return Optional.of(today);
        }
        Matcher day = DAY_OF_START_MONTH.matcher(text);
        if (day.matches()) {
            int d = Integer.parseInt(day.group(1));
            return d >= 1 && d <= from.lengthOfMonth() ? Optional.of(from.withDayOfMonth(d)) : Optional.empty();
        }
        return DateExpressions.parseNormalized(text, today);
    }

}
