package cn.cdsw.tallybot.e2e;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The webhook end-to-end tests' movable clock, at noon of 29 November. A class of its own
 * rather than nested in {@link WebhookTestBase}: a configuration class nested in a test's
 * superclass is ignored by Spring Framework 7.0, which warns (once per test class) that
 * 7.1 will detect it as default configuration.
 */
@TestConfiguration
class WebhookTestClock {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(WebhookTestBase.NOON);
    }

}
