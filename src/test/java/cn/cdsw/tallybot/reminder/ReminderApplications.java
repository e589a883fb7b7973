package cn.cdsw.tallybot.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.cdsw.tallybot.TallybotApplication;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.outbound.OutboundService;
import cn.cdsw.tallybot.report.Binding;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.RecordSource;
import cn.cdsw.tallybot.report.ReportContent;
import cn.cdsw.tallybot.report.ReportService;
import cn.cdsw.tallybot.testing.OneBotApiStub;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.awaitility.Awaitility.await;

/**
 * Starting the real application for the reminder tests, and what they do with it:
 * reports, bindings, ticks.
 */
final class ReminderApplications {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final String STREETS = "639921629";

    static final String STATIONS = "1418159967";

    private static int message;

    private ReminderApplications() {
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    /**
     * The application on {@code datasourceUrl} posting to {@code api}; the scheduled tick
     * stays off unless {@code extra} turns it on.
     */
    static ConfigurableApplicationContext start(String datasourceUrl, OneBotApiStub api, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + datasourceUrl,
                "--tallybot.onebot.api-url=" + api.url(), "--tallybot.onebot.access-token=" + OneBotApiStub.TOKEN,
                "--tallybot.summary.enabled=false"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(TallybotApplication.class, ReminderTestBeans.class)
            .initializers(context -> context.getBeanFactory()
                .registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations()))
            .run(args.toArray(String[]::new));
    }

    static void report(ConfigurableApplicationContext context, String sender, String name, String district, String unit,
            LocalDate date) {
        context.getBean(ReportService.class)
            .store(new RecordSource("onebot", STATIONS, sender, name, "reminder-test-" + message++,
                    date.atTime(10, 0).atZone(SHANGHAI).toInstant()),
                    new ReportContent(district, unit, null, date, List.of(new Metric("visits", "户", 3, false)),
                            List.of(), null, null, null),
                    "#上报 " + district + " " + unit + " 走访3户");
    }

    static void bind(ConfigurableApplicationContext context, String sender, String district, String unit) {
        context.getBean(ReportService.class)
            .bind(new Binding("onebot", sender, district, unit, Instant.parse("2026-11-01T00:00:00Z")));
    }

    /** Ticks at {@code now} and waits until what it queued has left. */
    static void tick(ConfigurableApplicationContext context, Instant now) {
        context.getBean(MutableClock.class).set(now);
        context.getBean(ReminderService.class).remindDue(now);
        OutboundService outbound = context.getBean(OutboundService.class);
        await().until(() -> outbound.backlog() == 0);
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
