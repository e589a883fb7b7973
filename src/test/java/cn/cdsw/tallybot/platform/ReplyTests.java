package cn.cdsw.tallybot.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyTests {

    @Test
    void aPlatformThatCannotMentionShowsTheNamesAfterTheText() {
        Reply reply = Reply.text("还未上报：锦江区 三圣街道社工站")
            .mentioning(List.of(new Reply.Mention("u1", "张三"), new Reply.Mention("u2", "李四")));

        assertThat(reply.textWithNames()).isEqualTo("还未上报：锦江区 三圣街道社工站\n@张三 @李四");
    }

    @Test
    void withoutMentionsTheTextStaysAsItIs() {
        assertThat(Reply.text("好").textWithNames()).isEqualTo("好");
        assertThat(new Reply("好", null, null).mentions()).isEmpty();
    }

    @Test
    void quotingKeepsTheMentions() {
        Reply reply = Reply.text("好").mentioning(List.of(new Reply.Mention("u1", "张三")));

        assertThat(reply.quoting(new Reply.Quote("9", "u2")).mentions()).containsExactly(new Reply.Mention("u1", "张三"));
    }

}
