package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The product's own meters as Prometheus scrapes them: reports, a refusal, a prose report
 * confirmed and one cancelled, through signed OneBot events into the real application,
 * then {@code GET /actuator/prometheus}. The context may be shared with other webhook
 * tests, so the checks compare against a scrape taken first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductMetricsIntegrationTests extends WebhookTestBase {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final String PROSE = "#上报 彭州市 社工总站\n自本轮疫情爆发以来，彭州社工共计拨打线上电话300余个，" + "开展线下实地走访60余次，为18名空巢独居老人提供心理疏导。";

    @Test
    void countsReportsRefusalsProseDraftsRepliesAndTheWriter() {
        Map<String, Double> before = scrape();

        say(40001, "#上报 锦江区 三圣街道社工站 走访196户");
        say(40002, "#上报 金牛区 荷花池街道社工站 走访42户 物资260件");
        say(40003, "#上报 东城区 三圣街道社工站 走访196户");
        say(40004, PROSE);
        clock.advance(Duration.ofSeconds(30));
        say(40004, "确认");
        say(40005, PROSE);
        say(40005, "取消");
        Map<String, Double> after = scrape();

        assertThat(increase(before, after, "tallybot_reports_stored_total")).isEqualTo(3);
        assertThat(increase(before, after, "tallybot_reports_refused_total{reason=\"unknown_district\"}")).isEqualTo(1);
        assertThat(after).containsKeys("tallybot_reports_refused_total{reason=\"rate_limited\"}",
                "tallybot_reports_refused_total{reason=\"future_date\"}",
                "tallybot_reports_refused_total{reason=\"ceiling\"}");
        assertThat(increase(before, after, "tallybot_prose_drafts_total{outcome=\"proposed\",reason=\"none\"}"))
            .isEqualTo(2);
        assertThat(increase(before, after, "tallybot_prose_drafts_total{outcome=\"confirmed\",reason=\"none\"}"))
            .isEqualTo(1);
        assertThat(increase(before, after, "tallybot_prose_drafts_total{outcome=\"dropped\",reason=\"cancelled\"}"))
            .isEqualTo(1);
        assertThat(increase(before, after, "tallybot_replies_total{mode=\"quick\",outcome=\"sent\"}")).isEqualTo(7);
        assertThat(increase(before, after, "tallybot_reply_delay_seconds_count{mode=\"quick\"}")).isEqualTo(7);
        assertThat(increase(before, after, "tallybot_reply_delay_seconds_sum{mode=\"quick\"}")).isPositive();
        assertThat(increase(before, after, "tallybot_parse_time_seconds_count{result=\"command\"}")).isEqualTo(4);
        assertThat(increase(before, after, "tallybot_parse_time_seconds_count{result=\"refused\"}")).isEqualTo(1);
        assertThat(increase(before, after, "tallybot_writer_batch_size_count")).isGreaterThanOrEqualTo(7);
        assertThat(after).containsKeys("tallybot_writer_queue_depth", "tallybot_summaries_total{outcome=\"posted\"}",
                "tallybot_summaries_total{outcome=\"abandoned\"}");
    }

    @Test
    void countsAProseDraftReplacedByAnotherCommandOrRecalledWithItsParagraph() {
        Map<String, Double> before = scrape();

        say(40020, PROSE);
        say(40020, "#我的");
        long paragraph = nextId();
        bot.post(OneBotEvents.groupMessage(GROUP, paragraph, 40021, "member", PROSE, clock.instant()));
        bot.post(OneBotEvents.recall(GROUP, paragraph, 40021, clock.instant()));
        Map<String, Double> after = scrape();

        assertThat(increase(before, after, "tallybot_prose_drafts_total{outcome=\"proposed\",reason=\"none\"}"))
            .isEqualTo(2);
        assertThat(increase(before, after, "tallybot_prose_drafts_total{outcome=\"dropped\",reason=\"replaced\"}"))
            .isEqualTo(1);
        assertThat(increase(before, after, "tallybot_prose_drafts_total{outcome=\"dropped\",reason=\"recalled\"}"))
            .isEqualTo(1);
        assertThat(increase(before, after, "tallybot_prose_drafts_total{outcome=\"confirmed\",reason=\"none\"}"))
            .isZero();
    }

    @Test
    void noTagCarriesAGroupAUserOrAMessage() {
        say(40010, "#上报 锦江区 三圣街道社工站 走访196户");

        String exposition = bot.get("/actuator/prometheus", TOKEN).body();

        assertThat(exposition.lines().filter(line -> line.startsWith("tallybot_"))).isNotEmpty()
            .noneMatch(line -> line.contains(GROUP) || line.contains("40010") || line.contains("三圣"));
    }

    private Map<String, Double> scrape() {
        WebhookClient.Answer answer = bot.get("/actuator/prometheus", TOKEN);
        assertThat(answer.status()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        answer.body().lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                samples.put(key(sample.group(1), sample.group(2)), Double.parseDouble(sample.group(3)));
            }
        });
        return samples;
    }

    /**
     * {@code name{a="1",b="2"}} with the labels sorted, so a check does not depend on
     * their order in the text.
     */
    private static String key(String name, String labels) {
        if (labels == null || labels.isEmpty()) {
            return name;
        }
        Set<String> sorted = new TreeSet<>();
        Matcher label = LABEL.matcher(labels);
        while (label.find()) {
            sorted.add(label.group(1) + "=\"" + label.group(2) + "\"");
        }
        return name + "{" + String.join(",", sorted) + "}";
    }

    private static double increase(Map<String, Double> before, Map<String, Double> after, String key) {
        assertThat(after).as("scraped series").containsKey(key);
        return after.get(key) - before.getOrDefault(key, 0.0);
    }

}
