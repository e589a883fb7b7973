package cn.cdsw.tallybot.conversation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.Reply;
import cn.cdsw.tallybot.wording.Wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No reply leaves the conversation longer than its platform takes. */
class ReplyLengthTests {

    private static final Wording WORDING = Wording.chinese(BotConfigLoader.load(Path.of("bot-config")));

    private final ReplyLength length = new ReplyLength(new ReplyProperties(Map.of()), WORDING, List.of());

    @Test
    void aShortReplyIsLeftAlone() {
        assertThat(length.fit("✅ 已记录 #1", 200)).isEqualTo("✅ 已记录 #1");
    }

    @Test
    void keepsWholeLinesAndSaysHowManyWereLeftOut() {
        String reply = IntStream.rangeClosed(1, 100)
            .mapToObj(i -> "#" + i + " 锦江区·三圣街道社工站：走访" + i + "户")
            .collect(Collectors.joining("\n"));

        String fitted = length.fit(reply, 300);

        assertThat(fitted).hasSizeLessThanOrEqualTo(300).startsWith("#1 锦江区");
        int kept = (int) fitted.lines().count() - 1;
        assertThat(fitted.lines().toList().get(kept)).isEqualTo("……另有" + (100 - kept) + "行未显示，请缩小范围。");
        assertThat(reply).startsWith(fitted.substring(0, fitted.lastIndexOf('\n')));
    }

    @Test
    void aSingleOverlongLineIsCutWithin() {
        String fitted = length.fit("❌ 没看懂「" + "很".repeat(10_000) + "」", 4500);

        assertThat(fitted).hasSizeLessThanOrEqualTo(4500).endsWith("…").startsWith("❌ 没看懂「很很");
    }

    @Property(tries = 200)
    void neverLongerThanTheLimit(@ForAll @StringLength(max = 3000) String reply,
            @ForAll @IntRange(min = 200, max = 2000) int limit) {
        assertThat(length.fit(reply, limit).length()).isLessThanOrEqualTo(limit);
    }

    @Test
    void theLimitIsWhatThePlatformTakesUnlessTheOperatorSetsALowerOne() {
        ChatSender wecom = sender("wecom", 680);
        ReplyLength unset = new ReplyLength(new ReplyProperties(Map.of()), WORDING, List.of(wecom));
        ReplyLength lower = new ReplyLength(new ReplyProperties(Map.of("wecom", 300, "onebot", 3000)), WORDING,
                List.of(wecom));
        ReplyLength higher = new ReplyLength(new ReplyProperties(Map.of("wecom", 5000)), WORDING, List.of(wecom));

        assertThat(unset.limitFor("wecom")).isEqualTo(680);
        assertThat(unset.limitFor("elsewhere")).as("no adapter: the port's cautious default").isEqualTo(4500);
        assertThat(lower.limitFor("wecom")).isEqualTo(300);
        assertThat(lower.limitFor("onebot")).isEqualTo(3000);
        assertThat(higher.limitFor("wecom")).as("the platform would refuse more").isEqualTo(680);
    }

    @Test
    void aTypoInTheOperatorsLimitIsRefused() {
        assertThatThrownBy(() -> new ReplyProperties(Map.of("onebot", 45)))
            .hasMessageContaining("tallybot.replies.max-length.onebot");
    }

    private static ChatSender sender(String platform, int maxTextLength) {
        return new ChatSender() {
            @Override
            public String platform() {
                return platform;
            }

            @Override
            public int maxTextLength() {
                return maxTextLength;
            }

            @Override
            public void send(GroupRef group, Reply reply) {
                throw new UnsupportedOperationException("not sent in this test");
            }
        };
    }

}
