package cn.cdsw.tallybot.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overlong input is refused before anything is stored, and list replies fit the
 * platform's reply length, saying how many entries they left out. The OneBot limit is set
 * low here so that a handful of records fills it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "tallybot.replies.max-length.onebot=400")
class ReplyLengthIntegrationTests extends WebhookTestBase {

    private static final int LIMIT = 400;

    @Test
    void aLongUnitNameIsRefusedAndNothingIsStored() {
        int count = recordCount();

        WebhookClient.Answer answer = say(22001, "#上报 锦江区 " + "很".repeat(19_000) + "社工站 走访10户");

        assertThat(answer.replyText()).startsWith("❌ 一条命令最多2000个字").hasSizeLessThan(100);
        assertThat(say(22001, "#上报 锦江区 " + "很".repeat(60) + "社工站 走访10户").replyText()).startsWith("❌ 单位名称最多40个字");
        assertThat(say(22001, "#绑定 锦江区 " + "很".repeat(60) + "社工站").replyText()).startsWith("❌ 单位名称最多40个字");
        assertThat(recordCount()).isEqualTo(count);
    }

    @Test
    void aListOverManyRecordsStaysUnderTheLimitAndSaysHowManyMore() {
        for (int i = 0; i < 20; i++) {
            say(22002, "#上报 青羊区 草市街街道社会工作服务站 走访" + (i + 1) + "户 物资：大米" + (i + 1) + "袋、食用油" + (i + 1) + "瓶");
        }

        String list = say(22003, "#明细 青羊区 今天").replyText();

        assertThat(list).startsWith("📋 青羊区·今天 明细（20条）").hasSizeLessThanOrEqualTo(LIMIT);
        long shown = list.lines().filter(line -> line.startsWith("#")).count();
        assertThat(shown).isBetween(1L, 14L);
        assertThat(list.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("另有" + (20 - shown) + "条未列出，请缩小时段或区县。");
    }

    @Test
    void noReplyIsLongerThanTheLimit() {
        // a refusal quotes the word it could not read, here 1,800 characters of it
        String refusal = say(22004, "#统计 锦江区 " + "天气".repeat(900)).replyText();

        assertThat(refusal).hasSizeLessThanOrEqualTo(LIMIT).startsWith("❌ 没看懂「天气天气");
    }

}
