package cn.cdsw.tallybot.reminder;

import java.time.Instant;

import cn.cdsw.tallybot.e2e.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock the reminder tests move. {@code @TestConfiguration}, so other tests'
 * component scans leave it out.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReminderTestBeans {

    @Bean
    @Primary
    MutableClock reminderTestClock() {
        return new MutableClock(Instant.parse("2026-11-30T00:00:00Z"));
    }

}
