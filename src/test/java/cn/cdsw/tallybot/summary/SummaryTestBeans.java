package cn.cdsw.tallybot.summary;

import java.time.Instant;

import cn.cdsw.tallybot.e2e.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the summary integration tests add to the real application: a clock they move, and
 * a simple composer (the real one is another feature's). {@code @TestConfiguration}, so
 * other tests' component scans leave it out.
 */
@TestConfiguration(proxyBeanMethods = false)
class SummaryTestBeans {

    /**
     * Starts before every date the tests post for: the database records its installation
     * at this instant, and a bot only owes catch-up posts for days after it was
     * installed.
     */
    @Bean
    @Primary
    MutableClock summaryTestClock() {
        return new MutableClock(Instant.parse("2026-11-01T04:00:00Z"));
    }

    /**
     * Takes the place of the real composer, so the tests see exactly what delivery asked
     * for.
     */
    @Bean
    @Primary
    RecordingComposer recordingComposer() {
        return new RecordingComposer(RecordingComposer.TINY_PNG);
    }

}
