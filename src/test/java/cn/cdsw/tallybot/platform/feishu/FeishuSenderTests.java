package cn.cdsw.tallybot.platform.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.platform.Reply;

class FeishuSenderTests {

    @Test
    void aReminderMentionsItsMembersByOpenId() {
        Reply reminder = Reply.text("⏰ 催报：还有1个单位未上报")
            .mentioning(List.of(new Reply.Mention("ou_1", "张三"), new Reply.Mention("ou_2", "李<四>")));

        assertThat(FeishuSender.withMentions(reminder))
            .isEqualTo("⏰ 催报：还有1个单位未上报\n<at user_id=\"ou_1\">张三</at> <at user_id=\"ou_2\">李&lt;四&gt;</at>");
        assertThat(FeishuSender.withMentions(Reply.text("✅ 已记录"))).isEqualTo("✅ 已记录");
    }

    @Test
    void theSameMessageToTheSamePlaceGetsTheSameKeyAndNoOtherDoes() {
        assertThat(FeishuSender.uuid("text", "oc_1", "日报")).isEqualTo(FeishuSender.uuid("text", "oc_1", "日报"))
            .hasSizeLessThanOrEqualTo(50)
            .isNotEqualTo(FeishuSender.uuid("text", "oc_2", "日报"))
            .isNotEqualTo(FeishuSender.uuid("reply", "oc_1", "日报"))
            .isNotEqualTo(FeishuSender.uuid("text", "oc_1", "日报（重发）"));
    }

}
