package cn.cdsw.tallybot.summary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import cn.cdsw.tallybot.TallybotApplication;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.testing.LogCapture;
import cn.cdsw.tallybot.testing.OneBotApiStub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart is a new process on the same database file: here two application contexts,
 * one after the other, on one SQLite file and one OneBot API. Whatever the first did, the
 * second never posts a (group, date) again.
 */
class DailySummaryRestartIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String STREETS = "639921629";
    static final String STATIONS = "1418159967";
    static final OneBotApiStub API = new OneBotApiStub();

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(SummaryDelivery.class);

    @BeforeEach
    void reset() {
        API.reset(() -> Instant.EPOCH);
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aRestartAfterTheEveningPostDoesNotPostAgain() {
        try (ConfigurableApplicationContext first = start()) {
            tick(first, local("2026-11-28T20:00"));
        }
        assertThat(API.calls()).hasSize(2);

        try (ConfigurableApplicationContext second = start()) {
            tick(second, local("2026-11-28T20:05"));
            tick(second, local("2026-11-28T22:30"));
            tick(second, local("2026-11-29T07:00"));
        }

        assertThat(API.accepted(STREETS)).isEqualTo(1);
        assertThat(API.accepted(STATIONS)).isEqualTo(1);
        assertThat(API.calls()).hasSize(2);
    }

    @Test
    void aRestartDuringRetriesFinishesThemOnceWithoutMarkingThemCatchUp() {
        Instant apiBack = local("2026-11-28T20:20");
        try (ConfigurableApplicationContext first = start()) {
            MutableClock clock = first.getBean(MutableClock.class);
            API.reset(clock::instant);
            API.failWhile(now -> now.isBefore(apiBack));
            for (Instant now = local("2026-11-28T20:00"); now
                .isBefore(local("2026-11-28T20:06")); now = now.plus(Duration.ofMinutes(1))) {
                tick(first, now);
            }
        }
        assertThat(API.accepted(STREETS) + API.accepted(STATIONS)).isZero();
        int failedAttempts = API.calls().size();
        assertThat(log.warnings()).as("a WARN per failed attempt")
            .isNotEmpty()
            .hasSize(failedAttempts)
            .allSatisfy(line -> assertThat(line).matches("Summary onebot:\\d+@2026-11-28 attempt \\d+ failed, .*")
                .endsWith(": onebot http_503: send_group_msg answered HTTP 503"));

        try (ConfigurableApplicationContext second = start()) {
            MutableClock clock = second.getBean(MutableClock.class);
            API.reset(clock::instant);
            API.failWhile(now -> now.isBefore(apiBack));
            for (Instant now = local("2026-11-28T20:30"); now
                .isBefore(local("2026-11-28T21:30")); now = now.plus(Duration.ofMinutes(1))) {
                tick(second, now);
            }
        }

        assertThat(API.accepted(STREETS)).isEqualTo(1);
        assertThat(API.accepted(STATIONS)).isEqualTo(1);
        assertThat(API.calls()).hasSize(2).allSatisfy(call -> assertThat(call.body()).doesNotContain("补发"));
        assertThat(log.warnings()).as("no failed attempt after the restart").hasSize(failedAttempts);
        assertThat(log.errors()).as("nothing given up").isEmpty();
    }

    void tick(ConfigurableApplicationContext context, Instant now) {
        context.getBean(MutableClock.class).set(now);
        context.getBean(DailySummaryService.class).postDue(now);
        // the posts leave from their groups' queues; the tick is over when those are
        // empty
        OutboundService outbound = context.getBean(OutboundService.class);
        await().until(() -> outbound.backlog() == 0);
    }

    /**
     * Command-line arguments, because they outrank application.yml (builder properties
     * would not). The exclude filter does for this plain {@code SpringApplication} what
     * {@code @SpringBootTest} does by itself: keeps other tests'
     * {@code @TestConfiguration} classes out of the component scan.
     */
    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TallybotApplication.class, SummaryTestBeans.class)
            .initializers(context -> context.getBeanFactory()
                .registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations()))
            .run("--server.port=0", "--spring.datasource.url=jdbc:sqlite:" + dir.resolve("tallybot.db"),
                    "--tallybot.onebot.api-url=" + API.url(), "--tallybot.onebot.access-token=" + OneBotApiStub.TOKEN,
                    "--tallybot.summary.enabled=false", "--tallybot.summary.weekly.enabled=false",
                    "--tallybot.summary.monthly.enabled=false");
    }

    static final class ExcludeTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestConfigurations;
        }

        @Override
        public int hashCode() {
            return ExcludeTestConfigurations.class.hashCode();
        }

    }

}
