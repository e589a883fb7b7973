package cn.cdsw.tallybot.command;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.InputLimits;

import static cn.cdsw.tallybot.command.ParserFixtures.CONFIG;
import static cn.cdsw.tallybot.command.ParserFixtures.member;
import static cn.cdsw.tallybot.command.ParserFixtures.parse;
import static cn.cdsw.tallybot.command.ParserFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field a member types and the bot stores is held to grammar.yml's max-length, with
 * a short refusal that names the limit and quotes only the beginning of the text.
 */
class InputLengthsTests {

    private static final InputLimits LIMITS = CONFIG.grammar().limits();

    @Test
    void theShippedLimitsAreThoseOfGrammarYml() {
        assertThat(LIMITS).isEqualTo(new InputLimits(40, 200, 20, 2000));
    }

    @Test
    void aUnitNameOverItsLimitIsRefusedSayingTheLimit() {
        String unit = "很".repeat(19_000) + "社工站";

        ParseResult.Rejected rejected = rejected("#上报 锦江区 " + unit + " 走访10户");

        assertThat(rejected.command()).isEqualTo(CommandType.REPORT);
        assertThat(rejected.refusal()).isEqualTo(new Refusal.TooLong("#上报 锦江区 很很很很…", InputLimits.Field.MESSAGE, 2000));
        assertThat(reply(rejected)).isEqualTo("❌ 一条命令最多2000个字，「#上报 锦江区 很很很很…」太长了。这条没有记录，请改正后重新发送。");
    }

    @Test
    void eachTypedFieldHasItsOwnLimit() {
        String unit41 = "很".repeat(38) + "社工站";
        assertThat(reply(rejected("#上报 锦江区 " + unit41 + " 走访10户")))
            .isEqualTo("❌ 单位名称最多40个字，「很很很很很很很很很很很很…」太长了。这条没有记录，请改正后重新发送。");
        assertThat(reply(rejected("#上报 锦江区 三圣街道社工站 走访10户 备注：" + "长".repeat(201)))).startsWith("❌ 备注最多200个字");
        assertThat(reply(rejected("#上报 锦江区 三圣街道社工站 物资：" + "米".repeat(21) + "10袋"))).startsWith("❌ 物资名称最多20个字");
        assertThat(reply(rejected("#绑定 锦江区 " + unit41))).startsWith("❌ 单位名称最多40个字");
        assertThat(reply(rejected("#更正 12 单位：" + unit41))).startsWith("❌ 单位名称最多40个字");
    }

    @Test
    void aFieldAtItsLimitIsAccepted() {
        String unit40 = "很".repeat(37) + "社工站";

        assertThat(parse("#上报 锦江区 " + unit40 + " 走访10户")).isInstanceOf(ParseResult.Parsed.class);
        assertThat(parse("#绑定 锦江区 " + unit40)).isInstanceOf(ParseResult.Parsed.class);
        assertThat(parse("#上报 锦江区 三圣街道社工站 走访10户 备注：" + "长".repeat(200))).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void longChatThatIsNoCommandStaysChat() {
        assertThat(parse("今天".repeat(5000))).isInstanceOf(ParseResult.NotACommand.class);
    }

    @Test
    void anAnswerToTheDistrictQuestionWithAnOverlongUnitIsNoAnswer() {
        assertThat(ParserFixtures.PARSER.readPlace("锦江区 " + "很".repeat(50) + "社工站", member())).isEmpty();
        assertThat(ParserFixtures.PARSER.readPlace("锦江区 三圣街道社工站", member())).isPresent();
    }

    private static ParseResult.Rejected rejected(String text) {
        ParseResult result = parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

}
