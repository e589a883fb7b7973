package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.cdsw.tallybot.testing.ShippedWording;

/**
 * The real application on SQLite, where group commit and per-batch rollups are on
 * (docs/storage.md §7, §8): concurrent reports, concurrent redeliveries of some of them
 * (a redelivery in the same batch rolls its savepoint back), then retractions and
 * corrections by their authors that land in the same batches as new reports. Every
 * confirmed report is one record, active unless retracted or corrected, and the totals
 * the API reads from the rollups — city, per district and the ranking of units — are the
 * plain sums. Its own application context (the property below), so its database holds
 * only this test's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tallybot.test.own-context=group-commit-ingest")
class GroupCommitIngestIntegrationTests extends WebhookTestBase {

    static final String[] DISTRICTS = { "锦江区", "金牛区", "成华区" };
    static final String[] UNITS = { "三圣街道社工站", "荷花池街道社工站", "猛追湾街道社工站", "玉林街道社工站" };
    static final int FIRST = 600;
    static final int SECOND = 300;
    static final long FIRST_MESSAGE = 5_000_000;

    @Autowired
    JdbcClient jdbc;

    /**
     * Report {@code index}; its figures follow from the index, so the expected totals are
     * plain sums.
     */
    record Report(int index) {

        String district() {
            return DISTRICTS[index % DISTRICTS.length];
        }

        String unit() {
            return UNITS[index % UNITS.length];
        }

        long visits() {
            return 1 + index % 89;
        }

        long messageId() {
            return FIRST_MESSAGE + index;
        }

        long sender() {
            // one sender per report: the per-sender rate limit must refuse none of them
            return 300_000 + index;
        }

        byte[] event() {
            return OneBotEvents.groupMessage(GROUP, messageId(), sender(), "member",
                    "#上报 " + district() + " " + unit() + " 走访" + visits() + "户 物资" + (index % 7 + 1) + "件", NOON);
        }

        boolean retracted() {
            return index < FIRST && index % 7 == 3;
        }

        boolean corrected() {
            return index < FIRST && index % 7 == 5;
        }

        /**
         * Visits as the totals must count them: none once retracted, the corrected figure
         * once corrected.
         */
        long countedVisits() {
            return retracted() ? 0 : corrected() ? visits() + 1000 : visits();
        }

        byte[] followUp(long recordId) {
            String text = retracted() ? "#撤回 " + recordId : "#更正 " + recordId + " 走访" + (visits() + 1000) + "户";
            return OneBotEvents.groupMessage(GROUP, messageId() + 1_000_000, sender(), "member", text, NOON);
        }
    }

    @Test
    void concurrentReportsRedeliveriesRetractionsAndCorrectionsAddUpExactly() throws Exception {
        Random random = new Random(11);
        List<Callable<WebhookClient.Answer>> first = new ArrayList<>();
        List<Long> firstMessages = new ArrayList<>();
        for (int i = 0; i < FIRST; i++) {
            Report report = new Report(i);
            byte[] event = report.event();
            first.add(() -> bot.post(event));
            firstMessages.add(report.messageId());
            if (random.nextInt(8) == 0) {
                first.add(() -> bot.post(event));
                firstMessages.add(report.messageId());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Long> recordIds = new ArrayList<>();
            for (Future<WebhookClient.Answer> answer : pool.invokeAll(first)) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(answer.get().replyText()).startsWith("✅ 已记录");
                recordIds.add(idIn(answer.get().replyText()));
            }
            Map<Long, Long> recordOfMessage = new HashMap<>();
            for (int k = 0; k < recordIds.size(); k++) {
                Long before = recordOfMessage.putIfAbsent(firstMessages.get(k), recordIds.get(k));
                assertThat(before).as("a redelivery names the same record").isIn(null, recordIds.get(k));
            }
            List<Callable<WebhookClient.Answer>> second = new ArrayList<>();
            for (int i = FIRST; i < FIRST + SECOND; i++) {
                byte[] event = new Report(i).event();
                second.add(() -> bot.post(event));
            }
            IntStream.range(0, FIRST)
                .mapToObj(Report::new)
                .filter(r -> r.retracted() || r.corrected())
                .forEach(r -> second.add(() -> bot.post(r.followUp(recordOfMessage.get(r.messageId())))));
            Collections.shuffle(second, random);
            for (Future<WebhookClient.Answer> answer : pool.invokeAll(second)) {
                assertThat(answer.get().status()).isEqualTo(200);
                String reply = answer.get().replyText();
                assertThat(List.of("✅ 已记录", "↩️ 已撤回", "✅ 已更正")).as(reply).anyMatch(reply::startsWith);
            }
        }
        finally {
            pool.shutdownNow();
        }

        IntPredicate active = i -> !new Report(i).retracted();
        int total = FIRST + SECOND;
        long corrections = IntStream.range(0, FIRST).filter(i -> new Report(i).corrected()).count();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_record WHERE status = 'active'").query(Long.class).single())
            .isEqualTo(IntStream.range(0, total).filter(active).count());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_record").query(Long.class).single())
            .isEqualTo(total + corrections);

        JsonNode totals = bot.api("/api/v1/totals?from=2026-11-29&to=2026-11-29");
        assertThat(totals.get("reports").asLong()).isEqualTo(IntStream.range(0, total).filter(active).count());
        assertThat(visits(totals))
            .isEqualTo(IntStream.range(0, total).mapToLong(i -> new Report(i).countedVisits()).sum());
        for (JsonNode district : totals.get("by_district")) {
            String name = district.get("district").asString();
            assertThat(visits(district)).as(name)
                .isEqualTo(IntStream.range(0, total)
                    .mapToObj(Report::new)
                    .filter(r -> r.district().equals(name))
                    .mapToLong(Report::countedVisits)
                    .sum());
        }

        Map<String, Long> jinjiang = IntStream.range(0, total)
            .filter(active)
            .mapToObj(Report::new)
            .filter(r -> r.district().equals("锦江区"))
            .collect(Collectors.groupingBy(r -> "锦江区·" + r.unit(), Collectors.summingLong(Report::countedVisits)));
        List<String> expected = new ArrayList<>();
        jinjiang.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .forEach(e -> expected.add((expected.size() + 1) + ". " + e.getKey() + " "
                    + ShippedWording.WORDING.figures().figure("", e.getValue(), "户")));
        List<String> ranking = say(1, "#排行 走访户 今天 锦江区").replyText().lines().skip(1).toList();
        assertThat(ranking).as("units of 锦江区 ranked from the per-unit rollups").isEqualTo(expected);
    }

    private static long visits(JsonNode figures) {
        long sum = 0;
        for (JsonNode metric : figures.get("metrics")) {
            if (metric.get("key").asString().equals("visits")) {
                sum += metric.get("value").asLong();
            }
        }
        return sum;
    }

}
