package cn.cdsw.tallybot.e2e;

import java.time.Instant;

import cn.cdsw.tallybot.testing.OneBotApiStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * #催报 and #免打扰 in the chat, on Sunday 29 November: a campaign makes the day expected, the
 * schedule shows who set what, 现在 sends a reminder through the OneBot API, and a muted
 * member's unit is listed without mentioning them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebhookTestClock.class)
class ReminderCommandsIntegrationTests {

    static final String SECRET = "onebot-secret";
    static final String TOKEN = "api-token";
    static final String GROUP = "1418159967";
    static final Instant NOON = WebhookTestBase.NOON;
    static final OneBotApiStub API = new OneBotApiStub();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-remind"));
        registry.add("tallybot.onebot.secret", () -> SECRET);
        registry.add("tallybot.onebot.api-url", API::url);
        registry.add("tallybot.onebot.access-token", () -> OneBotApiStub.TOKEN);
        registry.add("tallybot.api.token", () -> TOKEN);
        registry.add("tallybot.summary.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @LocalServerPort
    int port;

    long messageId = 700;

    String say(long user, String role, String text) {
        WebhookClient.Answer answer = new WebhookClient(port, SECRET, TOKEN)
            .post(OneBotEvents.groupMessage(GROUP, messageId++, user, role, text, NOON));
        return answer.replyText();
    }

    @Test
    void coordinatorsSetCampaignsAndRemindNowMembersMuteThemselves() {
        assertThat(say(6, "member", "#催报 现在")).startsWith("❌ 「催报」只有协调员可以用");
        assertThat(say(9, "admin", "#催报 现在")).as("a Sunday: nobody is expected").isEqualTo("✅ 11月29日应报的单位都已上报，不用催报。");
        assertThat(say(9, "admin", "#未报")).isEqualTo("📅 11月29日没有应报的单位（节假日、周末或已关闭上报），不算未报。");

        assertThat(say(9, "admin", "#催报 开启 全市 11月29日-12月31日")).isEqualTo("✅ 已开启：全市 11月29日—12月31日每天都要上报，没报的会被催报。");
        assertThat(say(9, "admin", "#催报 关闭 锦江区 12月7日")).isEqualTo("✅ 已关闭：锦江区 12月7日不用上报，也不催报。");
        assertThat(say(9, "admin", "#催报 开启 全市 火星")).startsWith("❌ 没看懂。可以这样写：#催报");
        assertThat(say(9, "admin", "#催报")).isEqualTo("""
                📅 催报时间：每个应报日 17:00、19:00（节假日、周末按日历不催）
                全市 11月29日—12月31日：每天都要报（社工9 11月29日设置）
                锦江区 12月7日：不用报、不催报（社工9 11月29日设置）""");

        assertThat(say(10002, "member", "#绑定 锦江区 锦官驿街道社工站")).contains("锦官驿街道社工站");
        assertThat(say(10003, "member", "#绑定 青羊区 琴台路社区社工室")).contains("琴台路社区社工室");
        assertThat(say(10001, "member", "#上报 锦江区 三圣街道社工站 走访3户")).startsWith("✅ 已记录");
        assertThat(say(10002, "member", "#免打扰")).startsWith("🔕 已开启免打扰");

        assertThat(say(9, "admin", "#催报 现在")).as("the reminder is the answer").isNull();
        await().until(() -> API.calls().size() == 1);
        String body = API.calls().get(0).body();
        assertThat(body).contains("⏰ 催报：11月29日还有15个单位未上报")
            .contains("锦江区：锦官驿街道社工站\\n")
            .contains("青羊区：琴台路社区社工室\\n")
            .contains("{\"type\":\"at\",\"data\":{\"qq\":\"10003\"}}")
            .doesNotContain("三圣街道社工站")
            .doesNotContain("\"qq\":\"10002\"");

        assertThat(say(10002, "member", "#免打扰 关闭")).startsWith("🔔 已关闭免打扰");
        assertThat(say(9, "admin", "#未报 锦江区")).startsWith("📝 11月29日未上报（1）：锦江区·锦官驿街道社工站");
    }

}
