package cn.cdsw.tallybot.conversation;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.wording.Wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No reply leaves the conversation longer than its platform takes. */
class ReplyLengthTests {

    private static final Wording WORDING = Wording.chinese(BotConfigLoader.load(Path.of("bot-config")));

    private final ReplyLength length = new ReplyLength(new ReplyProperties(Map.of()), WORDING);

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
    void oneBotDefaultsToACautiousLimitAndATypoIsRefused() {
        assertThat(new ReplyProperties(Map.of()).limitFor("onebot")).isEqualTo(4500);
        assertThat(new ReplyProperties(Map.of("onebot", 3000)).limitFor("onebot")).isEqualTo(3000);
        assertThat(new ReplyProperties(Map.of()).limitFor("elsewhere")).isEqualTo(4500);
        assertThatThrownBy(() -> new ReplyProperties(Map.of("onebot", 45)))
            .hasMessageContaining("tallybot.replies.max-length.onebot");
    }

}
