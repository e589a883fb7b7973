package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.cdsw.tallybot.testing.OneBotApiStub;

/**
 * One scripted conversation through the webhook, every kind of reply once: a report, a
 * form report, a pasted paragraph and its 确认, a refusal, 撤回, 更正, 我的, 统计, 排行, 明细, 未报, 日报
 * (the post itself, as the groups receive it) and 帮助. Each figure must read the same
 * wherever it appears, and every reply must keep to the one figure style
 * (wording.FigureStyle): grouped by thousands from 10,000 up and only there, 约 before an
 * approximate number, no space between a word and its figure, money exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationWordingIntegrationTests extends WebhookTestBase {

    static final OneBotApiStub API = new OneBotApiStub();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A number with five or more digits written without grouping: 13310. */
    static final Pattern UNGROUPED = Pattern.compile("(?<![\\d,.])\\d{5,}");

    /** A number below 10,000 written with a group: 1,310. */
    static final Pattern GROUPED_SMALL = Pattern.compile("(?<![\\d,.])\\d,\\d{3}(?![,\\d])");

    /** A word, a space, then its figure: 走访 196户. */
    static final Pattern SPACE_BEFORE_FIGURE = Pattern.compile("\\p{IsHan} \\d");

    /**
     * An approximation written the user's way rather than with 约 in front: 300余, 60多,
     * 300左右.
     */
    static final Pattern APPROX_AFTER = Pattern.compile("\\d(余|多|来|左右)");

    /**
     * What a reply echoes of the user's own words (「…」), record ids and dates: not
     * figures.
     */
    static final Pattern NOT_FIGURES = Pattern.compile("「[^」]*」|#\\d+|\\d{4}年|\\d{1,2}月\\d{1,2}日|编号\\d+");

    @DynamicPropertySource
    static void replyProperties(DynamicPropertyRegistry registry) {
        registry.add("tallybot.onebot.api-url", API::url);
        registry.add("tallybot.onebot.access-token", () -> OneBotApiStub.TOKEN);
        registry.add("tallybot.summary.enabled", () -> "false");
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    final Map<String, String> replies = new LinkedHashMap<>();

    String reply(String step, long user, String role, String text) {
        WebhookClient.Answer answer = bot
            .post(OneBotEvents.groupMessage(GROUP, nextId(), user, role, text, clock.instant()));
        String reply = Objects.requireNonNull(answer.replyText(), () -> step + " got no reply");
        replies.put(step, reply);
        return reply;
    }

    @Test
    void everyReplyOfAConversationPrintsEachFigureOneWay() {
        API.reset(clock::instant);
        String report = reply("report", 40001, "member", "#上报 锦江区 三圣街道社工站 走访196户 物资1310件 个案2个");
        long reportId = idIn(report);
        assertThat(report).isEqualTo(
                "✅ 已记录 #" + reportId + " 锦江区·三圣街道社工站（11月29日）：走访196户，个案2个，" + "物资1310件。发送「#撤回 " + reportId + "」可撤回。");

        String form = reply("form report", 40002, "member", """
                #上报
                区县：锦江区
                单位：锦官驿街道社工站
                走访：15人次
                物资：大米224袋、食用油206瓶
                物资合计：12000件
                价值：29739.5元""");
        assertThat(form).contains("锦江区·锦官驿街道社工站（11月29日）：走访15人次，大米224袋，食用油206瓶，物资合计12,000件，" + "价值29,739.5元。");

        String readBack = reply("prose", 40003, "member", ProseReportIntegrationTests.PENGZHOU);
        assertThat(readBack).contains("\n走访约60次\n电话约300次\n心理疏导18人\n");
        String confirmed = reply("确认", 40003, "member", "确认");
        assertThat(confirmed).contains("彭州市·社工总站（11月29日）：走访约60次，电话约300次，心理疏导18人。");

        assertThat(reply("refusal", 40001, "member", "#上报 锦江区 三圣街道社工站 走访100001户"))
            .startsWith("❌ 「走访100001户」超过单条上限100,000户，请核对。");

        long mistake = idIn(reply("report to retract", 40004, "member", "#上报 金牛区 荷花池街道社工站 走访42户"));
        assertThat(reply("撤回", 40004, "member", "#撤回"))
            .isEqualTo("↩️ 已撤回 #" + mistake + " 金牛区·荷花池街道社工站（11月29日）：走访42户。");

        String corrected = reply("更正", 40001, "member", "#更正 " + reportId + " 走访206户");
        long correctedId = Long.parseLong(corrected.replaceAll("(?s)^.*新记录 #(\\d+).*$", "$1"));
        assertThat(corrected).contains("：走访206户，个案2个，物资1310件。");

        assertThat(reply("我的", 40001, "member", "#我的"))
            .contains("#" + correctedId + " 锦江区·三圣街道社工站：走访206户，个案2个，物资1310件");

        assertThat(reply("统计", 40005, "member", "#统计 锦江区 今天")).isEqualTo("""
                📊 锦江区·今天（11月29日）
                上报2条｜参与单位2个
                走访206户/15人次
                个案2个
                物资13,310件（大米224袋、食用油206瓶）
                价值29,739.5元""");
        assertThat(reply("统计 全市", 40005, "member", "#统计")).contains("上报3条｜参与单位3个")
            .contains("走访206户/约60次/15人次")
            .contains("按区县：锦江区2条、彭州市1条");

        assertThat(reply("排行", 40005, "member", "#排行 物资 今天")).isEqualTo("""
                🏆 全市·今天 物资排行（11月29日）
                1. 锦江区 13,310件""");
        assertThat(reply("排行 走访", 40005, "member", "#排行 走访 今天 单位")).contains("1. 锦江区·三圣街道社工站 206户");

        String list = reply("明细", 40005, "member", "#明细");
        assertThat(list).startsWith("📋 全市·今天 明细（3条）")
            .contains("：走访206户，个案2个，物资1310件")
            .contains("：走访15人次，大米224袋，食用油206瓶，物资合计12,000件，价值29,739.5元")
            .contains("：走访约60次，电话约300次，心理疏导18人");

        assertThat(reply("未报 member", 40005, "member", "#未报")).startsWith("❌ 「未报」只有协调员可以用");
        // 29 November is a Sunday: only a campaign expects the units to report on it
        assertThat(reply("催报", 40009, "admin", "#催报 开启 全市 11月29日")).startsWith("✅ 已开启：全市 11月29日");
        assertThat(reply("未报", 40009, "admin", "#未报")).startsWith("📝 11月29日未上报（")
            .contains("青羊区·琴台路社区社工室")
            .doesNotContain("三圣街道社工站");

        assertThat(reply("日报", 40009, "admin", "#日报")).isEqualTo("✅ 正在发送11月29日日报到2个群。");
        await().atMost(Duration.ofSeconds(20)).until(() -> API.calls().size() >= 2);
        String post = summaryText(API.calls().get(0).body());
        replies.put("日报 post", post);
        assertThat(post).startsWith("【成都社工每日战报】2026年11月29日")
            .contains("全市上报3条｜参与单位3个")
            .contains("走访206户/约60次/15人次｜物资13,310件｜价值29,739.5元")
            .contains("锦江区：上报2条，走访206户/15人次，物资13,310件");

        assertThat(reply("帮助", 40005, "member", "#帮助")).contains("#上报 锦江区 三圣街道社工站 走访196户 物资1310件")
            .doesNotContain("#日报");
        assertThat(reply("帮助 coordinator", 40009, "admin", "#帮助")).contains("#未报").contains("#日报");
        assertThat(reply("帮助 统计", 40005, "member", "#帮助 统计")).startsWith("📊 #统计：").contains("#统计 锦江区 本周");

        assertThat(replies).allSatisfy((step, text) -> assertThat(figureStyleMistakes(text)).as(step).isEmpty());
    }

    @Test
    void theStyleCheckFindsWhatItLooksFor() {
        assertThat(figureStyleMistakes("物资 1,740件（大米224袋）")).hasSize(2);
        assertThat(figureStyleMistakes("价值2.97万元")).hasSize(1);
        assertThat(figureStyleMistakes("电话300余次｜走访13310户")).hasSize(2);
        assertThat(figureStyleMistakes("❌ 「走访 100001户」超过单条上限100,000户\n#撤回 128（撤回一条）\n2. 金牛区 42户")).isEmpty();
    }

    /** Where a reply strays from the figure style; empty when it keeps to it. */
    static List<String> figureStyleMistakes(String reply) {
        List<String> mistakes = new ArrayList<>();
        for (String line : reply.split("\n")) {
            // a help example is a command to copy, with its record id after a space: #撤回
            // 128
            if (line.matches("^#\\D.*")) {
                continue;
            }
            String figures = NOT_FIGURES.matcher(line).replaceAll(" ");
            // a ranking is a table: place, name, then the figure after a space (2. 金牛区
            // 42户)
            List<Pattern> rules = line.matches("^\\d+\\. .*") ? List.of(UNGROUPED, GROUPED_SMALL, APPROX_AFTER)
                    : List.of(UNGROUPED, GROUPED_SMALL, SPACE_BEFORE_FIGURE, APPROX_AFTER);
            for (Pattern wrong : rules) {
                Matcher m = wrong.matcher(figures);
                while (m.find()) {
                    mistakes.add("「" + m.group() + "」 in " + line);
                }
            }
            if (figures.contains("万元") || figures.matches(".*约(?!\\d).*")) {
                mistakes.add(line);
            }
        }
        return mistakes;
    }

    /** The text segment of a send_group_msg body: what the group reads. */
    static String summaryText(String body) {
        for (JsonNode segment : JSON.readTree(body).get("message")) {
            if (segment.get("type").asString().equals("text")) {
                return segment.get("data").get("text").asString();
            }
        }
        throw new AssertionError("no text in " + body);
    }

}
