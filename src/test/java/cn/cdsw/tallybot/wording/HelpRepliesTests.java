package cn.cdsw.tallybot.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.command.ParseContext;
import cn.cdsw.tallybot.command.ParseResult;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.testing.ShippedWording;

/**
 * #帮助 by role and by command, and the promise of its examples: each is a command the bot
 * reads, so a social worker who copies one gets an answer rather than a refusal.
 */
class HelpRepliesTests {

    static final HelpReplies HELP = ShippedWording.WORDING.help();
    static final CommandParser PARSER = new CommandParser(ShippedWording.CONFIG);

    /** A coordinator on 29 November: every example, 11月28日 included, is within reach. */
    static final ParseContext COORDINATOR = new ParseContext(LocalDate.of(2026, 11, 29), 7, true, false);
    static final String FORM = ShippedWording.WORDING.catalogue().text("examples.form");

    @Test
    void showsCoordinatorsTheCommandsThatRunTheTallyAndMembersTheirs() {
        String coordinator = HELP.help(null, true);
        String member = HELP.help(null, false);

        assertThat(coordinator).contains("#统计", "#排行", "#明细", "#未报", "#日报", "#撤回", "#更正", "#上报");
        assertThat(member).contains("#上报", "#绑定", "#我的", "#撤回", "#更正", "#统计")
            .doesNotContain("#未报")
            .doesNotContain("#日报");
        assertThat(coordinator).isNotEqualTo(member);
    }

    @ParameterizedTest
    @EnumSource(CommandType.class)
    void explainsEachCommandWithOneOrTwoExamplesOfIt(CommandType command) {
        String topic = HELP.help(command, false);

        assertThat(topic.lines().findFirst().orElseThrow()).as("what %s is for", command).contains("#");
        List<String> examples = examples(topic);
        assertThat(examples).as("examples of %s", command).hasSizeBetween(1, 2);
        assertThat(examples).as("examples of %s", command)
            .anySatisfy(example -> assertThat(parsed(example)).isInstanceOf(commandClass(command)));
    }

    @Test
    void everyExampleInTheHelpAndTheCatalogueIsACommandTheBotReads() {
        List<String> all = new ArrayList<>(examples(HELP.help(null, true)));
        all.addAll(examples(HELP.help(null, false)));
        for (CommandType command : CommandType.values()) {
            all.addAll(examples(HELP.help(command, false)));
        }
        Catalogue catalogue = ShippedWording.WORDING.catalogue();
        for (String key : List.of("report", "report-short", "form", "query", "rank", "list", "missing", "summary")) {
            all.add(catalogue.text("examples." + key));
        }

        assertThat(all).allSatisfy(example -> assertThat(parsed(example)).isNotNull());
        assertThat(HELP.help(CommandType.REPORT, false)).contains(FORM);
    }

    /**
     * A line that starts with a command, up to its （explanation）; the form example counts
     * as one.
     */
    static List<String> examples(String help) {
        List<String> examples = new ArrayList<>();
        String text = help;
        if (text.contains(FORM)) {
            examples.add(FORM);
            text = text.replace(FORM, "");
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                int note = line.indexOf('（');
                examples.add((note < 0 ? line : line.substring(0, note)).strip());
            }
        }
        return examples;
    }

    static Command parsed(String example) {
        ParseResult result = PARSER.parse(example, COORDINATOR);
        assertThat(result).as(example).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

    static Class<?> commandClass(CommandType type) {
        return switch (type) {
            case REPORT -> Command.Report.class;
            case QUERY -> Command.Query.class;
            case RANK -> Command.Rank.class;
            case LIST -> Command.ListRecords.class;
            case MISSING -> Command.Missing.class;
            case SUMMARY -> Command.PostSummary.class;
            case WEEKLY, MONTHLY -> Command.PostReport.class;
            case RETRACT -> Command.Retract.class;
            case CORRECT -> Command.Correct.class;
            case BIND -> Command.Bind.class;
            case MINE -> Command.Mine.class;
            case HELP -> Command.Help.class;
            case REMIND -> Command.Remind.class;
            case MUTE -> Command.Mute.class;
            case DESK -> Command.Desk.class;
            case EXPORT -> Command.Export.class;
        };
    }

}
