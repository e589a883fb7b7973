package cn.cdsw.tallybot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.CommandType;

/**
 * What any text must come to, for the property tests that feed the parser arbitrary text:
 * not only no exception, but one outcome that the conversation can act on
 * (docs/commands.md §1, §8, §13).
 */
final class ParseOutcomes {

    private ParseOutcomes() {
    }

    /**
     * Parses {@code text} as a member would send it and checks the outcome: the same
     * again on a second parse (the parser is a pure function); a refusal whose reply
     * names what it could not read; a report with at least one figure; and silence for a
     * message that neither starts with a prefix nor with a command word.
     */
    static ParseResult defined(String text) {
        ParseResult result = ParserFixtures.parse(text);
        assertThat(ParserFixtures.parse(text)).as("%s parsed again", text).isEqualTo(result);
        if (result instanceof ParseResult.Rejected rejected) {
            assertThat(ParserFixtures.reply(rejected)).as("the reply to %s", text).isNotBlank();
            assertThat(ParserFixtures.reply(rejected)).as("the reply to %s names what it could not read", text)
                .contains(named(rejected));
        }
        else if (result instanceof ParseResult.Parsed parsed) {
            ReportDraft draft = reportDraft(parsed.command());
            if (draft != null) {
                assertThat(draft.hasFigures()).as("%s was read as a report without figures", text).isTrue();
            }
        }
        else if (!(result instanceof ParseResult.NotACommand)) {
            fail("%s gave %s, which is no outcome the conversation knows", text, result);
        }
        if (!looksLikeACommand(text)) {
            assertThat(result).as("%s is chat", text).isInstanceOf(ParseResult.NotACommand.class);
        }
        return result;
    }

    /**
     * What a refusal names: its fragment, or of an unknown {@code 名称:值} field only the
     * name.
     */
    private static String named(ParseResult.Rejected rejected) {
        String fragment = rejected.fragment();
        int colon = fragment.indexOf(':');
        return rejected.reason() == RefusalReason.UNKNOWN_FIELD && colon >= 0 ? fragment.substring(0, colon).strip()
                : fragment;
    }

    /**
     * {@link #defined} for a text that starts with {@code #上报}: a report, a prose
     * read-back or a report's refusal.
     */
    static ParseResult report(String text) {
        ParseResult result = defined(text);
        if (result instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.command()).as("%s was refused", text).isEqualTo(CommandType.REPORT);
        }
        else {
            assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
            assertThat(reportDraft(((ParseResult.Parsed) result).command())).as("%s read as a report", text)
                .isNotNull();
        }
        return result;
    }

    private static @Nullable ReportDraft reportDraft(Command command) {
        if (command instanceof Command.Report report) {
            return report.draft();
        }
        if (command instanceof Command.ProsePending prose) {
            return prose.draft();
        }
        return null;
    }

    /**
     * Starts, once normalised, with a command prefix or a command word; anything else
     * must stay chat.
     */
    private static boolean looksLikeACommand(String text) {
        String normalized = TextNormalizer.normalize(text).toLowerCase(Locale.ROOT);
        return ParserFixtures.CONFIG.commands().prefixes().stream().anyMatch(normalized::startsWith)
                || ParserFixtures.CONFIG.commands()
                    .words()
                    .keySet()
                    .stream()
                    .anyMatch(word -> normalized.startsWith(word.toLowerCase(Locale.ROOT)));
    }

}
