package cn.cdsw.tallybot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.coordination.CoordinationProperties;
import cn.cdsw.tallybot.coordination.local.LocalRateLimiter;
import cn.cdsw.tallybot.e2e.MutableClock;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import cn.cdsw.tallybot.testing.ShippedWording;

import static org.assertj.core.api.Assertions.assertThat;

class CommandQuotaTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    final CoordinationProperties properties = new CoordinationProperties(2, Duration.ofMinutes(1), 20,
            Duration.ofMinutes(1), Map.of());

    final CommandQuota quota = new CommandQuota(new LocalRateLimiter(clock, 2, Duration.ofMinutes(1)), properties,
            ShippedWording.WORDING);

    static ChatMessage from(String sender) {
        return new ChatMessage("onebot", "1418159967", sender, "张三", SenderRole.MEMBER, "1", "#上报", false,
                Instant.parse("2026-11-28T12:00:00Z"));
    }

    @Test
    void refusesOverTheLimitAndSaysWhenToTryAgainInChinese() {
        assertThat(quota.refusal(from("10001"))).isEmpty();
        assertThat(quota.refusal(from("10001"))).isEmpty();
        clock.advance(Duration.ofSeconds(15));

        assertThat(quota.refusal(from("10001")))
            .hasValueSatisfying(text -> assertThat(text).contains("每分钟最多2条").contains("这条没有处理").contains("45秒后再发"));
        assertThat(quota.refusal(from("10002"))).isEmpty();
        clock.advance(Duration.ofSeconds(45));
        assertThat(quota.refusal(from("10001"))).isEmpty();
    }

}
