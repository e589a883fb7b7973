package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * The prose report loop end to end (docs/commands.md §10): a pasted paragraph is read
 * back and stored only after its sender answers 确认, through signed OneBot events into the
 * real application on SQLite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProseReportIntegrationTests extends WebhookTestBase {

    static final String PENGZHOU = "#上报 彭州市 社工总站\n自本轮疫情爆发以来，彭州社工共计拨打线上电话300余个，" + "开展线下实地走访60余次，为18名空巢独居老人提供心理疏导。";

    byte[] event(long messageId, long userId, String text) {
        return OneBotEvents.groupMessage(GROUP, messageId, userId, "member", text, clock.instant());
    }

    JsonNode record(String reply) {
        return record(idIn(reply));
    }

    @Test
    void readsBackTheFiguresAndStoresThemOnlyOnTheSendersConfirmation() {
        int before = recordCount();
        long proseId = nextId();

        WebhookClient.Answer readBack = bot.post(event(proseId, 30001, PENGZHOU));

        assertThat(readBack.replyText()).isEqualTo("""
                📝 读到以下数字，请核对：
                彭州市·社工总站（11月29日）
                走访约60次
                电话约300次
                心理疏导18人
                回复「确认」保存，「取消」放弃，或直接发送更正后的内容""");
        assertThat(recordCount()).isEqualTo(before);

        clock.advance(Duration.ofMinutes(1));
        assertThat(say(30002, "确认").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before);

        byte[] confirm = event(nextId(), 30001, "＃确认！");
        WebhookClient.Answer stored = bot.post(confirm);

        assertThat(stored.replyText()).startsWith("✅ 已记录 #").contains("彭州市·社工总站（11月29日）：走访约60次，电话约300次，心理疏导18人。");
        JsonNode record = record(stored.replyText());
        assertThat(record.get("message_id").asString()).isEqualTo(String.valueOf(proseId));
        assertThat(record.get("sender_id").asString()).isEqualTo("30001");
        assertThat(record.get("raw_text").asString()).isEqualTo(PENGZHOU);
        assertThat(record.get("metrics").toString()).isEqualTo("[{\"key\":\"calls\",\"unit\":\"次\",\"value\":300,"
                + "\"approx\":true},{\"key\":\"visits\",\"unit\":\"次\",\"value\":60,\"approx\":true},"
                + "{\"key\":\"counselling\",\"unit\":\"人\",\"value\":18,\"approx\":false}]");
        assertThat(record.get("materials_total").isNull()).isTrue();
        assertThat(recordCount()).isEqualTo(before + 1);

        assertThat(bot.post(confirm)).isEqualTo(stored);
        assertThat(say(30001, "确认").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before + 1);
    }

    @Test
    void storesItemsTotalAndValueExactly() {
        say(30003, "#上报 锦江区 锦官驿街道社工站\n募集防疫物资4283件，总价值29739.5元，其中大米有224袋，一次性手套500双，"
                + "食用油206瓶，消毒酒精500瓶；发动10家爱心企业、445位爱心个人");

        JsonNode record = record(say(30003, "ok").replyText());

        assertThat(record.get("materials_total").asLong()).isEqualTo(4283);
        assertThat(record.get("value_yuan").decimalValue()).isEqualByComparingTo("29739.5");
        assertThat(record.get("items").toString()).isEqualTo("[{\"name\":\"大米\",\"quantity\":224,\"unit\":\"袋\","
                + "\"approx\":false},{\"name\":\"一次性手套\",\"quantity\":500,\"unit\":\"双\",\"approx\":false},"
                + "{\"name\":\"食用油\",\"quantity\":206,\"unit\":\"瓶\",\"approx\":false},"
                + "{\"name\":\"消毒酒精\",\"quantity\":500,\"unit\":\"瓶\",\"approx\":false}]");
        assertThat(record.get("metrics").size()).isZero();
    }

    @Test
    void dropsTheReadBackOnCancel() {
        int before = recordCount();
        say(30004, PENGZHOU);

        assertThat(say(30004, "取消").replyText()).isEqualTo("🗑️ 已取消，这条没有记录。");
        assertThat(say(30004, "确认").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void forgetsAnUnconfirmedReadBackAfterTheTimeout() {
        int before = recordCount();
        say(30005, PENGZHOU);

        clock.advance(Duration.ofMinutes(6));

        assertThat(say(30005, "确认").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void aNewReportReplacesTheOneWaitingForConfirmation() {
        say(30006, PENGZHOU);
        say(30006, "#上报 简阳市 射洪坝街道社工站\n本周以来共入户走访独居老人46户，发放口罩300个、消毒液40瓶，" + "链接爱心企业捐赠物资折合人民币5600元。");

        JsonNode record = record(say(30006, "确定").replyText());

        assertThat(record.get("district").asString()).isEqualTo("简阳市");
        assertThat(record.get("metrics").toString())
            .isEqualTo("[{\"key\":\"visits\",\"unit\":\"户\",\"value\":46,\"approx\":false}]");
        assertThat(record.get("materials_total").asLong()).isEqualTo(340);
        assertThat(record.get("value_yuan").decimalValue()).isEqualByComparingTo("5600");
        assertThat(say(30006, "确认").status()).isEqualTo(204);
    }

    @Test
    void asksForAMissingDistrictInTheReadBackAndTheAnswerConfirms() {
        WebhookClient.Answer readBack = say(30007, "#上报 疫情期间我站组织社工电话回访辖区独居老人86次，发放口罩、酒精等物资共计500件。");

        assertThat(readBack.replyText()).contains("区县待补充·单位待补充（11月29日）\n电话86次\n物资500件\n")
            .endsWith("还差区县：核对无误请直接回复区县名（例如：锦江区）保存，「取消」放弃，或直接发送更正后的内容");
        assertThat(say(30007, "确认").replyText()).contains("还差区县");

        JsonNode record = record(say(30007, "锦江 三圣街道社工站").replyText());

        assertThat(record.get("district").asString()).isEqualTo("锦江区");
        assertThat(record.get("unit").asString()).isEqualTo("三圣街道社工站");
        assertThat(record.get("materials_total").asLong()).isEqualTo(500);
    }

    @Test
    void usesTheBindingForTheProsePlace() {
        say(30008, "#绑定 武侯区 玉林街道社工站");

        WebhookClient.Answer readBack = say(30008, "#上报 本周社工入户走访慰问了12户困难家庭，为5名老人提供心理疏导。");

        assertThat(readBack.replyText()).contains("武侯区·玉林街道社工站（11月29日）\n走访12户\n心理疏导5人\n");
        assertThat(record(say(30008, "是").replyText()).get("unit").asString()).isEqualTo("玉林街道社工站");
    }

}
