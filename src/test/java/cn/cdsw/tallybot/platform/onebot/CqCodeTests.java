package cn.cdsw.tallybot.platform.onebot;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CqCodeTests {

    @Test
    void splitsAnAtCodeFromTheFollowingText() {
        assertThat(CqCode.parse("[CQ:at,qq=10001000] #日报 走访3户"))
            .containsExactly(new OneBotSegment("at", Map.of("qq", "10001000")), OneBotSegment.text(" #日报 走访3户"));
    }

    @Test
    void readsPlainTextAsOneTextSegment() {
        assertThat(CqCode.parse("#日报 走访3户")).containsExactly(OneBotSegment.text("#日报 走访3户"));
    }

    @Test
    void readsSeveralCodesAndParametersSplitAtTheFirstEquals() {
        List<OneBotSegment> segments = CqCode
            .parse("前[CQ:reply,id=-12][CQ:image,file=a.png,url=https://x/?a=1&amp;b=2]后");
        assertThat(segments).containsExactly(OneBotSegment.text("前"), new OneBotSegment("reply", Map.of("id", "-12")),
                new OneBotSegment("image", Map.of("file", "a.png", "url", "https://x/?a=1&b=2")),
                OneBotSegment.text("后"));
    }

    @Test
    void unescapesParameterValues() {
        assertThat(CqCode.parse("[CQ:share,title=a&#44;b&#91;c&#93;d&amp;e]"))
            .containsExactly(new OneBotSegment("share", Map.of("title", "a,b[c]d&e")));
    }

    @Test
    void unescapesTextOutsideCodes() {
        assertThat(CqCode.parse("&#91;通知&#93; A&amp;B")).containsExactly(OneBotSegment.text("[通知] A&B"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "&amp;#91;|&#91;", "&amp;amp;|&amp;", "&#91;&#93;|[]", "a&#44;b|a,b" })
    void unescapesAmpLastSoEscapedEntitiesSurvive(String escaped, String plain) {
        assertThat(CqCode.unescape(escaped)).isEqualTo(plain);
    }

    @Test
    void keepsAnUnclosedCodeAsText() {
        assertThat(CqCode.parse("走访3户 [CQ:at,qq=1")).containsExactly(OneBotSegment.text("走访3户 [CQ:at,qq=1"));
    }

    @Test
    void readsACodeWithoutParameters() {
        assertThat(CqCode.parse("[CQ:shake]")).containsExactly(new OneBotSegment("shake", Map.of()));
    }

}
