package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

import cn.cdsw.tallybot.testing.LogCapture;

/**
 * The report loop end to end: signed OneBot events into {@code /webhook/onebot} of the
 * real application on a real SQLite file, answers as quick operations, records read back
 * through the admin API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneBotWebhookIntegrationTests extends WebhookTestBase {

    /** The verifier says why it refused an event (package-private, so named). */
    @RegisterExtension
    final LogCapture log = LogCapture.named("cn.cdsw.tallybot.platform.onebot.OneBotVerifier");

    @Test
    void storesAReportAndConfirmsItExactly() {
        WebhookClient.Answer answer = say(20001, "#上报 锦江区 三圣街道社工站 走访196户 物资1310件 个案2个");

        assertThat(answer.status()).isEqualTo(200);
        long id = idIn(answer.replyText());
        assertThat(answer.replyText())
            .isEqualTo("✅ 已记录 #" + id + " 锦江区·三圣街道社工站（11月29日）：走访196户，个案2个，物资1310件。发送「#撤回 " + id + "」可撤回。");
        JsonNode record = record(id);
        assertThat(record.get("district").asString()).isEqualTo("锦江区");
        assertThat(record.get("activity_date").asString()).isEqualTo("2026-11-29");
        assertThat(record.get("materials_total").asLong()).isEqualTo(1310);
        assertThat(record.get("metrics").toString()).isEqualTo("[{\"key\":\"visits\",\"unit\":\"户\",\"value\":196,"
                + "\"approx\":false},{\"key\":\"cases\",\"unit\":\"个\",\"value\":2,\"approx\":false}]");
        assertThat(record.get("status").asString()).isEqualTo("active");
    }

    @Test
    void readsTheCqStringFormatAndAnAtOfTheBotWithoutHash() {
        long messageId = nextId();
        byte[] event = OneBotEvents.groupMessageAsCqString(GROUP, messageId, 20002,
                "[CQ:at,qq=10001000] 上报 高新 芳草街街道社工站 心理疏导６人次 物资：大米224袋&#44;食用油206瓶", clock.instant());

        WebhookClient.Answer answer = bot.post(event);

        JsonNode record = record(idIn(answer.replyText()));
        assertThat(record.get("district").asString()).isEqualTo("高新区");
        assertThat(record.get("items").size()).isEqualTo(2);
        assertThat(record.get("materials_total").asLong()).isEqualTo(430);
        assertThat(record.get("message_id").asString()).isEqualTo(String.valueOf(messageId));
    }

    @Test
    void answersARedeliveryAsTheFirstTimeAndStoresNothingMore() {
        byte[] event = OneBotEvents.groupMessage(GROUP, nextId(), 20003, "member", "#上报 金牛区 荷花池街道社工站 走访42户 物资260件",
                clock.instant());
        WebhookClient.Answer first = bot.post(event);
        int count = recordCount();

        WebhookClient.Answer again = bot.post(event);

        assertThat(again).isEqualTo(first);
        assertThat(recordCount()).isEqualTo(count);
    }

    @Test
    void refusesForgedAndUnsignedEventsAndStoresNothing() {
        int count = recordCount();
        byte[] event = OneBotEvents.groupMessage(GROUP, nextId(), 20004, "member", "#上报 金牛区 荷花池街道社工站 走访42户",
                clock.instant());

        assertThat(bot.post(event, "sha1=0000000000000000000000000000000000000000").status()).isEqualTo(401);
        assertThat(bot.post(event, null).status()).isEqualTo(401);
        assertThat(recordCount()).isEqualTo(count);
        assertThat(log.warnings()).containsExactly("OneBot event refused: X-Signature does not match the body",
                "OneBot event refused: X-Signature missing");
    }

    @Test
    void mapsBadInputToTheStatusesOfTheDesign() {
        byte[] oversize = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(oversize, (byte) ' ');

        assertThat(bot.post(oversize).status()).isEqualTo(413);
        assertThat(bot.post(OneBotEvents.raw("{\"post_type\":")).status()).isEqualTo(400);
        assertThat(bot.post(OneBotEvents.heartbeat(clock.instant())).status()).isEqualTo(204);
        assertThat(bot.post(OneBotEvents.raw("{\"post_type\":\"unheard_of\",\"time\":1}")).status()).isEqualTo(204);
    }

    @Test
    void refusesAnUnreadableReportNamingTheFragmentAndStoresNothing() {
        int count = recordCount();

        WebhookClient.Answer answer = say(20005, "#上报 金牛区 荷花池街道社工站 走访3户 今天天气不错");

        assertThat(answer.replyText()).contains("今天天气不错").contains("备注");
        assertThat(say(20005, "#上报 金午区 荷花池街道社工站 走访3户").replyText()).contains("金牛区");
        assertThat(say(20005, "#上报 金牛区 荷花池街道社工站 走访-3户").replyText()).contains("负数");
        assertThat(recordCount()).isEqualTo(count);
    }

    @Test
    void staysSilentOnChatAndInGroupsItDoesNotServe() {
        int count = recordCount();

        assertThat(say(20006, "今天大家都辛苦了").status()).isEqualTo(204);
        WebhookClient.Answer elsewhere = bot.post(OneBotEvents.groupMessage("123456", nextId(), 20006, "member",
                "#上报 锦江区 三圣街道社工站 走访1户", clock.instant()));
        assertThat(elsewhere.status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(count);
    }

    @Test
    void retractsTheRecordOfARecalledMessage() {
        long messageId = nextId();
        WebhookClient.Answer answer = bot.post(
                OneBotEvents.groupMessage(GROUP, messageId, 20007, "member", "#上报 成华区 猛追湾街道社工站 走访5户", clock.instant()));
        long id = idIn(answer.replyText());

        assertThat(bot.post(OneBotEvents.recall(GROUP, messageId, 20007, clock.instant())).status()).isEqualTo(204);

        assertThat(record(id).get("status").asString()).isEqualTo("retracted");
    }

    @Test
    void asksForTheDistrictAndCompletesTheReportWithTheAnswer() {
        long messageId = nextId();
        WebhookClient.Answer question = bot
            .post(OneBotEvents.groupMessage(GROUP, messageId, 20008, "member", "#上报 三圣街道社工站 走访7户", clock.instant()));
        assertThat(question.replyText()).contains("请补充区县，例如：锦江区");

        clock.advance(Duration.ofMinutes(2));
        WebhookClient.Answer done = say(20008, "锦江");

        JsonNode record = record(idIn(done.replyText()));
        assertThat(record.get("district").asString()).isEqualTo("锦江区");
        assertThat(record.get("unit").asString()).isEqualTo("三圣街道社工站");
        assertThat(record.get("message_id").asString()).isEqualTo(String.valueOf(messageId));
    }

    @Test
    void aRecalledReportTakesItsQuestionWithIt() {
        long messageId = nextId();
        bot.post(OneBotEvents.groupMessage(GROUP, messageId, 20015, "member", "#上报 三圣街道社工站 走访7户", clock.instant()));
        int count = recordCount();

        bot.post(OneBotEvents.recall(GROUP, messageId, 20015, clock.instant()));

        assertThat(say(20015, "锦江区").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(count);
    }

    @Test
    void forgetsAnUnansweredQuestionAfterFiveMinutes() {
        say(20009, "#上报 三圣街道社工站 走访7户");
        int count = recordCount();

        clock.advance(Duration.ofMinutes(6));

        assertThat(say(20009, "锦江区").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(count);
    }

    @Test
    void usesTheBindingForReportsWithoutPlace() {
        assertThat(say(20010, "#绑定 武侯区 玉林街道社工站").replyText()).startsWith("✅ 已绑定：武侯区·玉林街道社工站");

        JsonNode record = record(idIn(say(20010, "#上报 走访3户 电话五次").replyText()));

        assertThat(record.get("district").asString()).isEqualTo("武侯区");
        assertThat(record.get("unit").asString()).isEqualTo("玉林街道社工站");
    }

    @Test
    void retractsOwnRecordsAndLeavesOthersToCoordinators() {
        long id = idIn(say(20011, "#上报 青羊区 少城街道社工站 走访9户").replyText());

        assertThat(say(20012, "#撤回 " + id).replyText()).contains("只能撤回自己的记录");
        assertThat(record(id).get("status").asString()).isEqualTo("active");
        assertThat(say(20011, "#撤回").replyText()).startsWith("↩️ 已撤回 #" + id);
        assertThat(record(id).get("status").asString()).isEqualTo("retracted");

        long other = idIn(say(20011, "#上报 青羊区 少城街道社工站 走访10户").replyText());
        WebhookClient.Answer byAdmin = bot
            .post(OneBotEvents.groupMessage(GROUP, nextId(), 20013, "admin", "#撤回 " + other, clock.instant()));
        assertThat(byAdmin.replyText()).startsWith("↩️ 已撤回 #" + other);
    }

    @Test
    void correctsARecordIntoANewOneAndSupersedesTheOld() {
        long id = idIn(say(20014, "#上报 温江区 柳城街道社工站 走访196户 电话20次").replyText());

        WebhookClient.Answer answer = say(20014, "#更正 " + id + " 走访206户");

        long newId = Long.parseLong(answer.replyText().replaceAll("(?s)^.*新记录 #(\\d+).*$", "$1"));
        assertThat(record(id).get("status").asString()).isEqualTo("superseded");
        JsonNode corrected = record(newId);
        assertThat(corrected.get("status").asString()).isEqualTo("active");
        assertThat(corrected.get("metrics").toString()).contains("\"key\":\"calls\",\"unit\":\"次\",\"value\":20")
            .contains("\"key\":\"visits\",\"unit\":\"户\",\"value\":206")
            .doesNotContain("196");
        assertThat(say(20014, "#我的").replyText()).contains("#" + newId).doesNotContain("#" + id + " ");
    }

    @Test
    void injectedClockIsTheTestClock(@Autowired Clock injected) {
        assertThat(injected).isSameAs(clock);
    }

}
