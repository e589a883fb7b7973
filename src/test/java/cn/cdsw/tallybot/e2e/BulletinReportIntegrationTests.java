package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * A bulletin covering several stations, pasted by a coordinator (docs/commands.md §10a),
 * end to end through signed OneBot events into the real application on SQLite: one
 * numbered read-back, 确认 storing each station as its own record, 确认 1 3 only those, 取消
 * none, a member told to report their own station, the size limits, and a 确认 sent twice
 * or at once storing each station once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulletinReportIntegrationTests extends WebhookTestBase {

    static final String BULLETIN = """
            #上报
            成都市社会工作服务冬季关爱行动简报
            全市社工站本周共走访居民2.3万户。
            一、重点人群
            锦江区
            三圣街道社工站
            本周，三圣街道社工站联合辖区8个社区社工室，入户走访独居老人46户，电话问候空巢老人120余次。
            IMG_2031.jpg
            锦官驿街道社工站
            社工每天为百余名居民测温登记，发放防寒告知书300份。
            二、资源链接
            金牛区荷花池街道社工站：共筹集了860件防寒、助学和生活物资，物资总价值约4.6万元。
            微信图片_20261128.png
            双流区东升街道社工站：今天天气寒冷，社工们坚守岗位。""";

    static final String READ_BACK = """
            📝 这份简报按单位拆成4条（11月29日），请核对：
            1. 锦江区 三圣街道社工站〔重点人群〕走访46户，电话约120次
               ℹ️ 未计入：8个社区社工室
            2. 锦江区 锦官驿街道社工站〔重点人群〕宣传300份，排查约100人
               ⏱️ 按原文记录、没有乘以天数或户数：排查约100人（每天）
            3. 金牛区 荷花池街道社工站〔资源链接〕物资860件，价值46,000元
            4. 双流区 东升街道社工站〔资源链接〕未读到数字
            ℹ️ 有1段不在任何单位下面（标题、导语等），其中的数字没有读。
            回复「确认」保存这3条，「确认 1 3」只保存其中几条，「取消」放弃。没写编号的不保存，改好后请单独上报。""";

    WebhookClient.Answer coordinatorSays(long userId, long messageId, String text) {
        return bot.post(OneBotEvents.groupMessage(GROUP, messageId, userId, "admin", text, clock.instant()));
    }

    WebhookClient.Answer coordinatorSays(long userId, String text) {
        return coordinatorSays(userId, nextId(), text);
    }

    List<JsonNode> recordsOf(long messageId) {
        List<JsonNode> records = new ArrayList<>();
        bot.api("/api/v1/records?limit=1000").get("records").forEach(r -> {
            if (r.get("message_id").asString().equals(String.valueOf(messageId))) {
                records.add(r);
            }
        });
        return records;
    }

    @Test
    void readsEveryStationBackInOneNumberedReplyAndStoresEachAsItsOwnRecordOnConfirmation() {
        int before = recordCount();
        long bulletinId = nextId();

        WebhookClient.Answer readBack = coordinatorSays(40001, bulletinId, BULLETIN);

        assertThat(readBack.replyText()).isEqualTo(READ_BACK);
        assertThat(recordCount()).isEqualTo(before);

        byte[] confirm = OneBotEvents.groupMessage(GROUP, nextId(), 40001, "admin", "确认", clock.instant());
        WebhookClient.Answer stored = bot.post(confirm);

        assertThat(stored.replyText()).startsWith("✅ 已保存3条，每条单独记录：\n#")
            .contains("锦江区·三圣街道社工站（11月29日）：走访46户，电话约120次\n")
            .contains("锦江区·锦官驿街道社工站（11月29日）：宣传300份，排查约100人\n")
            .contains("金牛区·荷花池街道社工站（11月29日）：物资860件，价值46,000元\n")
            .endsWith("发送「#撤回 编号」可撤回。");
        List<JsonNode> records = recordsOf(bulletinId);
        assertThat(records).extracting(r -> r.get("unit").asString())
            .containsExactlyInAnyOrder("三圣街道社工站", "锦官驿街道社工站", "荷花池街道社工站");
        JsonNode sansheng = records.stream()
            .filter(r -> r.get("unit").asString().equals("三圣街道社工站"))
            .findFirst()
            .orElseThrow();
        assertThat(sansheng.get("district").asString()).isEqualTo("锦江区");
        assertThat(sansheng.get("category").asString()).isEqualTo("重点人群");
        assertThat(sansheng.get("sender_id").asString()).isEqualTo("40001");
        assertThat(sansheng.get("metrics").toString()).isEqualTo("[{\"key\":\"visits\",\"unit\":\"户\",\"value\":46,"
                + "\"approx\":false},{\"key\":\"calls\",\"unit\":\"次\",\"value\":120,\"approx\":true}]");
        assertThat(sansheng.get("raw_text").asString()).startsWith("三圣街道社工站\n本周").doesNotContain("锦官驿");
        assertThat(recordCount()).isEqualTo(before + 3);

        assertThat(bot.post(confirm)).as("the same 确认 delivered again").isEqualTo(stored);
        assertThat(coordinatorSays(40001, "确认").status()).as("a second 确认").isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before + 3);
    }

    @Test
    void confirmsOnlyTheStationsNamed() {
        long bulletinId = nextId();
        coordinatorSays(40002, bulletinId, BULLETIN);

        WebhookClient.Answer stored = coordinatorSays(40002, "确认 1 3");

        assertThat(stored.replyText()).startsWith("✅ 已保存2条，每条单独记录：")
            .contains("三圣街道社工站")
            .contains("荷花池街道社工站")
            .doesNotContain("锦官驿街道社工站")
            .contains("第2条没有保存。");
        assertThat(recordsOf(bulletinId)).extracting(r -> r.get("unit").asString())
            .containsExactlyInAnyOrder("三圣街道社工站", "荷花池街道社工站");
        assertThat(coordinatorSays(40002, "确认 2").status()).isEqualTo(204);
        assertThat(recordsOf(bulletinId)).hasSize(2);
    }

    @Test
    void numbersOfNoStationOrOfOneThatCannotBeStoredKeepTheBulletinWaiting() {
        long bulletinId = nextId();
        coordinatorSays(40003, bulletinId, BULLETIN);

        assertThat(coordinatorSays(40003, "确认 7").replyText()).isEqualTo("❌ 没有第7条，这份简报共4条。请重新回复，例如：确认 1 2；回复「取消」放弃。");
        assertThat(coordinatorSays(40003, "确认 4").replyText())
            .isEqualTo("❌ 第4条不能保存（未读到数字，或缺区县、单位）。请重新回复要保存的编号，或「取消」放弃。");
        assertThat(recordsOf(bulletinId)).isEmpty();

        assertThat(coordinatorSays(40003, "#确认 2、3").replyText()).startsWith("✅ 已保存2条");
        assertThat(recordsOf(bulletinId)).extracting(r -> r.get("unit").asString())
            .containsExactlyInAnyOrder("锦官驿街道社工站", "荷花池街道社工站");
    }

    @Test
    void cancelDropsTheWholeBulletin() {
        long bulletinId = nextId();
        coordinatorSays(40004, bulletinId, BULLETIN);

        assertThat(coordinatorSays(40004, "取消").replyText()).isEqualTo("🗑️ 已取消，这份简报一条也没有记录。");
        assertThat(coordinatorSays(40004, "确认").status()).isEqualTo(204);
        assertThat(recordsOf(bulletinId)).isEmpty();
    }

    @Test
    void aMemberIsToldToReportTheirOwnStation() {
        int before = recordCount();

        WebhookClient.Answer refused = say(40005, BULLETIN);

        assertThat(refused.replyText()).isEqualTo("❌ 一次上报多个单位的简报只有协调员可以发。请只报您自己单位的数字，例如：#上报 锦江区 三圣街道社工站 走访196户");
        assertThat(say(40005, "确认").status()).isEqualTo(204);
        assertThat(recordCount()).isEqualTo(before);
    }

    static final List<String> NAMES = List.of("玉林", "簇桥", "永宁", "柳城", "犀浦", "团结", "赵镇", "鹤山", "临邛", "文昌", "桂溪", "石羊",
            "火车南站", "红牌楼", "机投桥", "金花桥", "晋阳", "望江路", "浆洗街", "跳伞塔", "芳草街");

    @Test
    void aBulletinLongerThanOneCommandIsReadUpToItsOwnLimits() {
        String care = "社工站持续开展冬季关爱行动，了解辖区老人的生活和身体状况，帮助老人解决生活中的实际困难，";
        StringBuilder within = new StringBuilder("#上报\n一、重点人群\n");
        for (int i = 0; i < 12; i++) {
            within.append("武侯区")
                .append(NAMES.get(i))
                .append("社区社工室：")
                .append(care.repeat(4))
                .append("入户走访独居老人")
                .append(10 + i)
                .append("户。\n");
        }
        assertThat(within.length()).isGreaterThan(2000);

        WebhookClient.Answer readBack = coordinatorSays(40006, within.toString());

        assertThat(readBack.replyText()).startsWith("📝 这份简报按单位拆成12条").contains("12. 武侯区 石羊社区社工室〔重点人群〕走访21户");

        StringBuilder over = new StringBuilder("#上报\n");
        for (int i = 0; i < 21; i++) {
            over.append("武侯区").append(NAMES.get(i)).append("社区社工室：入户走访独居老人").append(i + 1).append("户。\n");
        }
        assertThat(coordinatorSays(40006, over.toString()).replyText()).startsWith("❌ 这份简报太长：一次最多20个单位、6000字，这份有21个单位、")
            .endsWith("这条没有记录，请分几次发。");
    }

    @Test
    void confirmationsSentAtOnceStoreEachStationOnce() throws Exception {
        long bulletinId = nextId();
        coordinatorSays(40007, bulletinId, BULLETIN);
        List<Callable<WebhookClient.Answer>> confirmations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] confirm = OneBotEvents.groupMessage(GROUP, nextId(), 40007, "admin", "确认", clock.instant());
            confirmations.add(() -> bot.post(confirm));
            confirmations.add(() -> bot.post(confirm));
        }

        List<String> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<WebhookClient.Answer> answer : pool.invokeAll(confirmations)) {
                replies.add(answer.get().replyText());
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(replies.stream().filter(r -> r != null && r.startsWith("✅ 已保存3条"))).isNotEmpty();
        assertThat(recordsOf(bulletinId)).hasSize(3);
    }

}
