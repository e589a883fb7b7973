package cn.cdsw.tallybot.platform;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.cdsw.tallybot.e2e.MutableClock;

/**
 * The contract tests' movable clock at noon (Beijing time) of 29 November; a class of its
 * own because Spring ignores a configuration class nested in a test's superclass.
 */
@TestConfiguration
public class ContractClock {

    static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");

    @Bean
    @Primary
    MutableClock contractTestClock() {
        return new MutableClock(NOON);
    }

}
