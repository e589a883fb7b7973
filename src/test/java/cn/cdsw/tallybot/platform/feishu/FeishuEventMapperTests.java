package cn.cdsw.tallybot.platform.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.platform.ChatMessage;
import tools.jackson.databind.JsonNode;

class FeishuEventMapperTests {

    private final FeishuEventMapper mapper = new FeishuEventMapper(
            Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC));

    @Test
    void aGroupTextMessageBecomesAChatMessageWithoutTheLeadingAtBot() {
        ChatMessage message = group(event("group", "text", "@_user_1 #上报 锦江区 三圣街道社工站 走访3户"));

        assertThat(message.platform()).isEqualTo("feishu");
        assertThat(message.groupId()).isEqualTo("oc_group");
        assertThat(message.senderId()).isEqualTo("ou_member");
        assertThat(message.messageId()).isEqualTo("om_1");
        assertThat(message.text()).isEqualTo("#上报 锦江区 三圣街道社工站 走访3户");
        assertThat(message.mentionsBot()).isTrue();
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1764475200000L));
    }

    @Test
    void aMentionInsideTheTextIsWrittenAsTheNameItStandsFor() {
        ChatMessage message = group(event("group", "text", "#统计 本周 @_user_2"));

        assertThat(message.text()).isEqualTo("#统计 本周 @张三");
        assertThat(message.mentionsBot()).isFalse();
    }

    @Test
    void privateChatsOtherMessageTypesAndBotsAreLeftAlone() {
        assertThat(mapper.map(event("p2p", "text", "#我的"))).isInstanceOf(FeishuEventMapper.Mapped.Skipped.class);
        assertThat(mapper.map(event("group", "image", "")))
            .isEqualTo(new FeishuEventMapper.Mapped.Skipped("a image message, not text"));
        JsonNode fromApp = FeishuJson.MAPPER.readTree(
                event("group", "text", "hi").toString().replace("\"sender_type\":\"user\"", "\"sender_type\":\"app\""));
        assertThat(mapper.map(fromApp)).isEqualTo(new FeishuEventMapper.Mapped.Skipped("not sent by a person"));
    }

    private ChatMessage group(JsonNode event) {
        FeishuEventMapper.Mapped mapped = mapper.map(event);
        assertThat(mapped).isInstanceOf(FeishuEventMapper.Mapped.Group.class);
        return ((FeishuEventMapper.Mapped.Group) mapped).message();
    }

    static JsonNode event(String chatType, String messageType, String text) {
        String content = FeishuJson.MAPPER.writeValueAsString(java.util.Map.of("text", text));
        String json = """
                {"sender":{"sender_id":{"open_id":"ou_member","user_id":"u1","union_id":"on_1"},"sender_type":"user"},
                 "message":{"message_id":"om_1","create_time":"1764475200000","chat_id":"oc_group",
                   "chat_type":"%s","message_type":"%s","content":%s,
                   "mentions":[{"key":"@_user_1","id":{"open_id":"ou_bot"},"name":"台账机器人"},
                               {"key":"@_user_2","id":{"open_id":"ou_zhang"},"name":"张三"}]}}
                """.formatted(chatType, messageType, FeishuJson.MAPPER.writeValueAsString(content));
        return FeishuJson.MAPPER.readTree(json);
    }

}
