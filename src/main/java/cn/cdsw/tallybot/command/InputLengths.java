package cn.cdsw.tallybot.command;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.InputLimits;
import cn.cdsw.tallybot.report.Item;

/**
 * Holds what a member typed to {@code grammar.yml}'s {@code max-length} before anything
 * is stored: every stored text is shown again later, in listings and rankings, so one
 * overlong field would make every later reply that shows it too long to send. Lengths are
 * counted in characters (code points), as a member counts them.
 */
final class InputLengths {

    /** How much of an overlong text the refusal quotes. */
    static final int QUOTED = 12;

    private InputLengths() {
    }

    /** The whole command, which becomes the record's raw text. */
    static void checkMessage(String text, InputLimits limits) {
        check(text, InputLimits.Field.MESSAGE, limits);
    }

    /** The typed fields of a command that stores them. */
    static void check(Command command, InputLimits limits) {
        if (command instanceof Command.Report report) {
            check(report.draft(), limits);
        }
        else if (command instanceof Command.ProsePending prose) {
            check(prose.draft(), limits);
        }
        else if (command instanceof Command.Bulletin bulletin) {
            bulletin.stations().forEach(station -> check(station.draft(), limits));
        }
        else if (command instanceof Command.Correct correct) {
            check(correct.changes(), limits);
        }
        else if (command instanceof Command.Bind bind) {
            check(bind.unit(), InputLimits.Field.UNIT, limits);
        }
    }

    static boolean fits(@Nullable String unit, InputLimits limits) {
        return unit == null || length(unit) <= limits.unit();
    }

    private static void check(ReportDraft draft, InputLimits limits) {
        check(draft.unit(), InputLimits.Field.UNIT, limits);
        check(draft.note(), InputLimits.Field.NOTE, limits);
        for (Item item : draft.items()) {
            check(item.name(), InputLimits.Field.ITEM, limits);
        }
    }

    private static void check(@Nullable String text, InputLimits.Field field, InputLimits limits) {
        if (text == null) {
            return;
        }
        int limit = limits.of(field);
        if (length(text) > limit) {
            throw new Unreadable(new Refusal.TooLong(quoted(text), field, limit));
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String quoted(String text) {
        String stripped = text.strip();
        int end = stripped.offsetByCodePoints(0, Math.min(QUOTED, length(stripped)));
        return stripped.substring(0, end) + "…";
    }

}
