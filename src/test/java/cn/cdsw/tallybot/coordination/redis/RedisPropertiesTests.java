package cn.cdsw.tallybot.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RedisPropertiesTests {

    @Test
    void printsTheUrlWithoutItsPassword() {
        RedisProperties properties = new RedisProperties("redis://:s3cret@10.0.0.21:6379/0", "prod:",
                Duration.ofMillis(500), Duration.ofSeconds(1));

        assertThat(properties.toString()).doesNotContain("s3cret").contains("url=redis://******@10.0.0.21:6379/0");
    }

    @Test
    void printsAUrlWithoutCredentialsAsItIs() {
        RedisProperties properties = new RedisProperties("redis://127.0.0.1:6379/0", "", Duration.ofMillis(500),
                Duration.ofSeconds(1));

        assertThat(properties.toString()).contains("url=redis://127.0.0.1:6379/0");
    }

}
