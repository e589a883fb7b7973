package cn.cdsw.tallybot.e2e;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OneBot implementations reuse message ids, so a delivery is a redelivery only when its
 * id AND its content (text and sender) are those of a message already handled
 * (docs/storage.md §9): a new report under an old id is stored and answered for itself,
 * and a repeat of the same report is answered as the first time, however late.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReusedMessageIdIntegrationTests extends WebhookTestBase {

    @Test
    void aDifferentReportUnderAReusedIdIsStoredAndAnsweredForItself() {
        long messageId = nextId();
        WebhookClient.Answer first = bot.post(
                OneBotEvents.groupMessage(GROUP, messageId, 21001, "member", "#上报 锦江区 三圣街道社工站 走访10户", clock.instant()));
        int count = recordCount();
        clock.advance(Duration.ofHours(3));

        WebhookClient.Answer reused = bot.post(OneBotEvents.groupMessage(GROUP, messageId, 21002, "member",
                "#上报 金牛区 荷花池街道社工站 走访20户", clock.instant()));

        assertThat(reused.replyText()).contains("金牛区").contains("走访20户").isNotEqualTo(first.replyText());
        assertThat(recordCount()).isEqualTo(count + 1);
        assertThat(record(idIn(reused.replyText())).get("message_id").asString()).isEqualTo(String.valueOf(messageId));
        assertThat(record(idIn(first.replyText())).get("status").asString()).isEqualTo("active");
    }

    @Test
    void theSameReportUnderTheSameIdIsARedeliveryEvenAfterTheWindow() {
        long messageId = nextId();
        byte[] event = OneBotEvents.groupMessage(GROUP, messageId, 21003, "member", "#上报 锦江区 三圣街道社工站 走访11户",
                clock.instant());
        WebhookClient.Answer first = bot.post(event);
        int count = recordCount();

        assertThat(bot.post(event)).as("within the window").isEqualTo(first);
        clock.advance(Duration.ofDays(2));
        assertThat(bot.post(event)).as("long after the window").isEqualTo(first);
        assertThat(recordCount()).isEqualTo(count);
    }

    @Test
    void theSameWordsFromAnotherSenderUnderAReusedIdAreANewReport() {
        long messageId = nextId();
        WebhookClient.Answer first = bot.post(
                OneBotEvents.groupMessage(GROUP, messageId, 21004, "member", "#上报 锦江区 三圣街道社工站 走访12户", clock.instant()));
        int count = recordCount();

        WebhookClient.Answer other = bot.post(OneBotEvents.groupMessage(GROUP, messageId, 21005, "member",
                "#上报 锦江区 三圣街道社工站 走访12户", clock.instant().plusSeconds(60)));

        assertThat(idIn(other.replyText())).isNotEqualTo(idIn(first.replyText()));
        assertThat(recordCount()).isEqualTo(count + 1);
    }

    @Test
    void aRecallOfAReusedIdRetractsTheNewestRecordItMade() {
        long messageId = nextId();
        long older = idIn(bot
            .post(OneBotEvents.groupMessage(GROUP, messageId, 21006, "member", "#上报 锦江区 三圣街道社工站 走访13户",
                    clock.instant()))
            .replyText());
        clock.advance(Duration.ofHours(1));
        long newer = idIn(bot
            .post(OneBotEvents.groupMessage(GROUP, messageId, 21006, "member", "#上报 锦江区 三圣街道社工站 走访14户",
                    clock.instant()))
            .replyText());

        assertThat(bot.post(OneBotEvents.recall(GROUP, messageId, 21006, clock.instant())).status()).isEqualTo(204);

        assertThat(record(newer).get("status").asString()).isEqualTo("retracted");
        assertThat(record(older).get("status").asString()).isEqualTo("active");
    }

}
