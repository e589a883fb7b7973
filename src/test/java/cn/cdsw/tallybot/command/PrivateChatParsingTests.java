package cn.cdsw.tallybot.command;

import static cn.cdsw.tallybot.command.ParserFixtures.PARSER;
import static cn.cdsw.tallybot.command.ParserFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.query.Scope;

/**
 * How the parser reads a private chat: addressed to the bot, so a command word may run
 * into its body without a prefix, yet a message without one stays chat (it may answer a
 * question); and a query without a scope covers the context's default scope.
 */
class PrivateChatParsingTests {

    static final Scope JINJIANG = new Scope("锦江区", null);

    static final ParseContext PRIVATE = new ParseContext(TODAY, 7, true, false, true, JINJIANG);

    static final ParseContext GROUP = new ParseContext(TODAY, 7, true, false);

    @Test
    void aCommandWordMayRunIntoItsBodyWithoutAPrefixInPrivateOnly() {
        assertThat(PARSER.parse("统计全市", PRIVATE)).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.command()).isInstanceOf(Command.Query.class));
        assertThat(PARSER.parse("统计全市", GROUP)).isInstanceOf(ParseResult.NotACommand.class);
    }

    @Test
    void aMessageWithoutACommandWordIsNoCommandEvenInPrivate() {
        assertThat(PARSER.parse("锦江区 三圣街道社工站", PRIVATE)).isInstanceOf(ParseResult.NotACommand.class);
        assertThat(PARSER.parse("确认", PRIVATE)).isInstanceOf(ParseResult.NotACommand.class);
    }

    @Test
    void aQueryWithoutAScopeCoversTheDefaultScopeAndQuanshiTheCity() {
        assertThat(query("统计", PRIVATE).scope()).isEqualTo(JINJIANG);
        assertThat(query("统计 全市", PRIVATE).scope()).isEqualTo(Scope.CITY);
        assertThat(query("统计 金牛区", PRIVATE).scope()).isEqualTo(new Scope("金牛区", null));
        assertThat(query("统计", GROUP).scope()).isEqualTo(Scope.CITY);
    }

    @Test
    void rankingsListsAndTheMissingListTakeTheDefaultDistrictToo() {
        Command.Rank rank = (Command.Rank) command("排行 走访", PRIVATE);
        assertThat(rank.scope()).isEqualTo(JINJIANG);
        assertThat(rank.byUnit()).as("within a district units are ranked").isTrue();
        assertThat(((Command.ListRecords) command("明细", PRIVATE)).scope()).isEqualTo(JINJIANG);
        assertThat(((Command.Missing) command("未报", PRIVATE)).district()).isEqualTo("锦江区");
        assertThat(((Command.Missing) command("未报 全市", PRIVATE)).district()).isNull();
        assertThat(((Command.Missing) command("未报", GROUP)).district()).isNull();
    }

    private static Command.Query query(String text, ParseContext context) {
        return (Command.Query) command(text, context);
    }

    private static Command command(String text, ParseContext context) {
        ParseResult result = PARSER.parse(text, context);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

}
