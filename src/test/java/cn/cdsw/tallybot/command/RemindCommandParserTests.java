package cn.cdsw.tallybot.command;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** #催报 and #免打扰 through the command grammar. */
class RemindCommandParserTests {

    static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    static Command parse(String text) {
        ParseResult result = ParserFixtures.PARSER.parse(text, new ParseContext(NOV_30, 7, true, false));
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

    @Test
    void aloneItShowsTheSchedule() {
        assertThat(parse("#催报")).isEqualTo(Command.Remind.of(Command.RemindAction.SHOW));
        assertThat(parse("#催报 现在")).isEqualTo(Command.Remind.of(Command.RemindAction.NOW));
    }

    @Test
    void readsAPlaceAndARangeAhead() {
        assertThat(parse("#催报 开启 全市 12月1日-12月31日")).isEqualTo(new Command.Remind(Command.RemindAction.ON, null,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
        assertThat(parse("#催报 关闭 锦江 12月20日至1月10日")).isEqualTo(new Command.Remind(Command.RemindAction.OFF, "锦江区",
                LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10)));
        assertThat(parse("#催报 开启 2026-12-01~2026-12-05 青羊区")).isEqualTo(new Command.Remind(Command.RemindAction.ON,
                "青羊区", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5)));
    }

    @Test
    void withoutDatesItStartsTodayWithoutEnd() {
        assertThat(parse("#催报 关闭 锦江区")).isEqualTo(new Command.Remind(Command.RemindAction.OFF, "锦江区", NOV_30, null));
    }

    @Test
    void refusesWhatItCannotRead() {
        for (String text : new String[] { "#催报 明天", "#催报 开启 火星区", "#催报 现在 全市", "#免打扰 现在" }) {
            ParseResult result = ParserFixtures.PARSER.parse(text, new ParseContext(NOV_30, 7, true, false));
            assertThat(result).as(text).isInstanceOf(ParseResult.Rejected.class);
        }
    }

    @Test
    void muteTurnsOnAndOff() {
        assertThat(parse("#免打扰")).isEqualTo(new Command.Mute(true));
        assertThat(parse("#免打扰 关闭")).isEqualTo(new Command.Mute(false));
        assertThat(parse("/mute off")).isEqualTo(new Command.Mute(false));
    }

}
