package cn.cdsw.tallybot.summary;

import java.time.Instant;

import cn.cdsw.tallybot.e2e.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the summary integration tests add to the real application: a clock they move, and a simple composer (the
 * real one is another feature's). {@code @TestConfiguration}, so other tests' component scans leave it out.
 */
@TestConfiguration(proxyBeanMethods = false)
class SummaryTestBeans {

    @Bean
    @Primary
    MutableClock summaryTestClock() {
        return new MutableClock(Instant.parse("2026-11-28T04:00:00Z"));
    }

    /** Takes the place of the real composer, so the tests see exactly what delivery asked for. */
    @Bean
    @Primary
    RecordingComposer recordingComposer() {
        return new RecordingComposer(RecordingComposer.TINY_PNG);
    }
}
