package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * Totals that cannot mislead, through the webhook: a total with an approximate figure in
 * it reads 约 in #统计 and carries {@code approx} in the totals JSON; visits in 户 and in 人次
 * are never one number, and #排行 走访 says which unit it ranks — the one most used in the
 * scope — while #排行 走访 户 ranks the other. Its own application context, so that its
 * database holds only these records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tallybot.test.own-context=approximate-totals")
class ApproximateTotalsIntegrationTests extends WebhookTestBase {

    @Test
    void approximateTotalsReadApproximateAndARankingNamesItsUnit() {
        assertThat(say(1, "#上报 锦江区 三圣街道社工站 走访300余户 电话20次").replyText()).contains("走访约300户");
        say(2, "#上报 锦江区 锦官驿街道社工站 走访12户");
        say(3, "#上报 金牛区 荷花池街道社工站 走访15人次");
        say(4, "#上报 金牛区 驷马桥街道社工站 走访8人次");
        say(5, "#上报 锦江区 春熙路街道社工站 走访9人次");

        assertThat(say(6, "#统计 锦江区").replyText()).contains("走访约312户/9人次").contains("电话20次");
        assertThat(say(6, "#统计").replyText()).contains("走访约312户/32人次").doesNotContain("344");

        JsonNode totals = bot.api("/api/v1/totals?from=2026-11-29&to=2026-11-29");
        assertThat(totals.get("metrics").toString())
            .contains("{\"key\":\"visits\",\"unit\":\"户\",\"value\":312,\"approx\":true}")
            .contains("{\"key\":\"visits\",\"unit\":\"人次\",\"value\":32,\"approx\":false}")
            .contains("{\"key\":\"calls\",\"unit\":\"次\",\"value\":20,\"approx\":false}");

        assertThat(say(6, "#排行 走访").replyText()).isEqualTo("""
                🏆 全市·今天 走访（人次）排行（11月29日）
                1. 金牛区 23人次
                2. 锦江区 9人次
                按人次排：这是此范围里走访用得最多的单位；按户的数不相加，要看请发「#排行 走访 户」。""");
        assertThat(say(6, "#排行 走访 户").replyText()).isEqualTo("""
                🏆 全市·今天 走访（户）排行（11月29日）
                1. 锦江区 约312户""");
        assertThat(say(6, "#排行 锦江区 走访").replyText()).as("most used within the district: 户")
            .contains("走访（户）排行")
            .contains("1. 锦江区·三圣街道社工站 约300户")
            .contains("2. 锦江区·锦官驿街道社工站 12户")
            .endsWith("按户排：这是此范围里走访用得最多的单位；按人次的数不相加，要看请发「#排行 走访 人次」。");
    }

}
