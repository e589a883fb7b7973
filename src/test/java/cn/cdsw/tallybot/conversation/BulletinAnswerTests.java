package cn.cdsw.tallybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;

/** What a coordinator may answer to a bulletin's read-back. */
class BulletinAnswerTests {

    static final BotConfig CONFIG = BotConfigLoader.load(Path.of("bot-config"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            确认             | ''
            #确认！          | ''
            ok              | ''
            好的             | ''
            确认 1 3         | 1 3
            确认1、3         | 1 3
            确认 1,3         | 1 3
            ＃确认　１　３     | 1 3
            确认 第2-4条      | 2 3 4
            确认 3 1 3       | 3 1
            好的 2           | 2
            确认 1和2        | 1 2
            """)
    void readsTheStationsNamed(String text, String numbers) {
        List<Integer> expected = numbers.isBlank() ? List.of()
                : List.of(numbers.split(" ")).stream().map(Integer::valueOf).toList();

        assertThat(BulletinAnswer.read(text, CONFIG)).contains(new BulletinAnswer(false, expected));
    }

    @ParameterizedTest
    @ValueSource(strings = { "取消", "#取消", "算了" })
    void readsACancel(String text) {
        assertThat(BulletinAnswer.read(text, CONFIG)).contains(new BulletinAnswer(true, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "确认一下明天开会", "好久不见", "确认 1 3 走访10户", "3", "确认 5-1", "确认 1-500", "收到" })
    void anythingElseIsNoAnswer(String text) {
        assertThat(BulletinAnswer.read(text, CONFIG)).isEmpty();
    }

}
