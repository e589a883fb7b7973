package cn.cdsw.tallybot.platform.dingtalk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.platform.PlatformCallException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The access token is bought once, reused until a margin before it expires, bought once
 * more then, and bought by one caller while the others wait; the fake counts the calls.
 */
class DingTalkTokensTests {

    final FakeDingTalk dingTalk = new FakeDingTalk();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T04:00:00Z"));

    @AfterEach
    void stop() {
        dingTalk.close();
    }

    @Test
    void reusesTheTokenUntilTheMarginBeforeItExpires() {
        DingTalkTokens tokens = tokens(DingTalkVerifierTests.SECRET);

        assertThat(tokens.get()).isEqualTo("token-1");
        assertThat(tokens.get()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(7200).minus(Duration.ofMinutes(5)).minusSeconds(1));
        assertThat(tokens.get()).as("still outside the margin").isEqualTo("token-1");
        assertThat(dingTalk.tokenCalls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.get()).as("renewed five minutes before it expires").isEqualTo("token-2");
        assertThat(tokens.get()).isEqualTo("token-2");
        assertThat(dingTalk.tokenCalls()).isEqualTo(2);
    }

    @Test
    void aShortLivedTokenIsRenewedHalfWay() {
        dingTalk.expireIn = 120;
        DingTalkTokens tokens = tokens(DingTalkVerifierTests.SECRET);

        assertThat(tokens.get()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.get()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.get()).isEqualTo("token-2");
    }

    @Test
    void aRefusedTokenIsBoughtAnewOnTheNextCall() {
        DingTalkTokens tokens = tokens(DingTalkVerifierTests.SECRET);

        tokens.invalidate(tokens.get());
        tokens.invalidate("token-0");

        assertThat(tokens.get()).isEqualTo("token-2");
        assertThat(tokens.get()).isEqualTo("token-2");
    }

    @Test
    void concurrentCallersShareOnePurchase() throws Exception {
        DingTalkTokens tokens = tokens(DingTalkVerifierTests.SECRET);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tokens.get();
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("token-1");
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(dingTalk.tokenCalls()).isEqualTo(1);
    }

    @Test
    void aWrongSecretIsANonRetryableRefusalThatNamesNoSecret() {
        DingTalkTokens tokens = tokens("wrong-secret");

        assertThatExceptionOfType(PlatformCallException.class).isThrownBy(tokens::get).satisfies(e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("invalidClientIdOrSecret");
            assertThat(e.getMessage()).doesNotContain("wrong-secret");
        });
    }

    private DingTalkTokens tokens(String secret) {
        return new DingTalkTokens(new OkHttpClient(), HttpUrl.get(dingTalk.url()), "dingKEY", secret, clock,
                Duration.ofMinutes(5));
    }

}
