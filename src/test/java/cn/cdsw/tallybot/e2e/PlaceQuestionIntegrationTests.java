package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * A report that does not say where it belongs is held, never lost (docs/commands.md §9):
 * one question asks for whatever is missing, an answer with part of it is kept and only
 * the rest is asked for, and the member is told whether the report was stored or dropped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaceQuestionIntegrationTests extends WebhookTestBase {

    WebhookClient.Answer report(long messageId, long userId, String text) {
        return bot.post(OneBotEvents.groupMessage(GROUP, messageId, userId, "member", text, clock.instant()));
    }

    @Test
    void asksOnceForDistrictAndUnitAndKeepsADistrictAnsweredAlone() {
        long messageId = nextId();
        int before = recordCount();

        String question = report(messageId, 60101, "#上报 走访7户").replyText();

        assertThat(question).startsWith("📝 收到，还差区县和单位").contains("锦江区 三圣街道社工站").contains("5分钟内").contains("「取消」");

        String rest = say(60101, "锦江区").replyText();

        assertThat(rest).startsWith("📝 已记下锦江区，还差单位").contains("三圣街道社工站");
        assertThat(recordCount()).isEqualTo(before);

        String stored = say(60101, "三圣街道社工站").replyText();

        assertThat(stored).startsWith("✅ 已记录 #").contains("锦江区·三圣街道社工站（11月29日）：走访7户");
        JsonNode record = record(idIn(stored));
        assertThat(record.get("message_id").asString()).isEqualTo(String.valueOf(messageId));
        assertThat(recordCount()).isEqualTo(before + 1);
        assertThat(say(60101, "三圣街道社工站").status()).isEqualTo(204);
    }

    @Test
    void aUnitAnsweredFirstIsKeptWhileTheDistrictIsAskedFor() {
        report(nextId(), 60102, "#上报 走访8户");

        assertThat(say(60102, "锦官驿街道社工站").replyText()).startsWith("📝 已记下锦官驿街道社工站，还差区县");

        JsonNode record = record(idIn(say(60102, "锦江").replyText()));

        assertThat(record.get("district").asString()).isEqualTo("锦江区");
        assertThat(record.get("unit").asString()).isEqualTo("锦官驿街道社工站");
    }

    @Test
    void oneAnswerWithBothStoresTheReport() {
        String stored = report(nextId(), 60103, "#上报 走访9户").replyText();
        assertThat(stored).startsWith("📝");

        assertThat(say(60103, "金牛区 荷花池街道社工站").replyText()).startsWith("✅ 已记录 #").contains("金牛区·荷花池街道社工站");
    }

    @Test
    void aReportWithItsDistrictButNoUnitAsksForTheUnit() {
        String question = report(nextId(), 60104, "#上报 锦江区 走访10户").replyText();

        assertThat(question).startsWith("📝 收到，还差单位").contains("三圣街道社工站");

        assertThat(say(60104, "三圣街道社工站").replyText()).contains("锦江区·三圣街道社工站（11月29日）：走访10户");
    }

    @Test
    void cancelDropsTheHeldReportAndSaysSo() {
        int before = recordCount();
        report(nextId(), 60105, "#上报 走访11户");
        say(60105, "锦江区");

        assertThat(say(60105, "取消").replyText()).isEqualTo("🗑️ 已取消，这条没有记录。");
        assertThat(say(60105, "三圣街道社工站").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void aHalfAnsweredQuestionLapsesAfterTheTimeItNamed() {
        int before = recordCount();
        report(nextId(), 60106, "#上报 走访12户");
        clock.advance(Duration.ofMinutes(3));
        assertThat(say(60106, "锦江区").replyText()).contains("5分钟内");

        clock.advance(Duration.ofMinutes(6));

        assertThat(say(60106, "三圣街道社工站").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before);
    }

    @Test
    void chatInBetweenLeavesTheQuestionOpen() {
        report(nextId(), 60107, "#上报 走访13户");

        assertThat(say(60107, "稍等，我查一下").status()).isEqualTo(204);

        assertThat(say(60107, "锦江区 三圣街道社工站").replyText()).startsWith("✅ 已记录 #");
    }

    @Test
    void aNearMissOfAListedStationIsAskedAboutOnceTheDistrictIsKnown() {
        report(nextId(), 60108, "#上报 三圣街到社工站 走访14户");

        assertThat(say(60108, "锦江区").replyText()).startsWith("📝 锦江区的单位名单里没有「三圣街到社工站」，您是指「三圣街道社工站」吗？请回复单位名称（5分钟内");

        assertThat(say(60108, "三圣街道社工站").replyText()).contains("锦江区·三圣街道社工站（11月29日）：走访14户");
    }

    @Test
    void aDistrictAndANearMissAnsweredTogetherKeepTheDistrictAndAskAboutTheUnit() {
        report(nextId(), 60111, "#上报 走访17户");

        assertThat(say(60111, "锦江区 三圣街到社工站").replyText()).startsWith("📝 锦江区的单位名单里没有「三圣街到社工站」");
        assertThat(say(60111, "三圣街道社工站").replyText()).contains("锦江区·三圣街道社工站（11月29日）：走访17户");
    }

    @Test
    void aNearMissAnsweredForTheUnitIsAskedAboutToo() {
        report(nextId(), 60109, "#上报 锦江区 走访15户");

        assertThat(say(60109, "锦官驿街到社工站").replyText()).contains("您是指「锦官驿街道社工站」吗？");
        assertThat(say(60109, "锦江区 锦官驿街到社工站").replyText()).contains("您是指「锦官驿街道社工站」吗？");
        assertThat(say(60109, "锦官驿街道社工站").replyText()).contains("锦江区·锦官驿街道社工站（11月29日）：走访15户");
    }

    @Test
    void aListedStationSpelledWithSpacesAndInvisibleCharactersIsStoredInTheListsSpelling() {
        String stored = say(60110, "#上报 锦江区 三圣 街道\u200b社工站 走访16户").replyText();

        assertThat(record(idIn(stored)).get("unit").asString()).isEqualTo("三圣街道社工站");
    }

}
