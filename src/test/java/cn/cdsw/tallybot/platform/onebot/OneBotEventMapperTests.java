package cn.cdsw.tallybot.platform.onebot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.SenderRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneBotEventMapperTests {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final OneBotEventMapper mapper = new OneBotEventMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mapsAGroupMessageInArrayForm() {
        ChatMessage message = mapper.toChatMessage(OneBotFixtures.event("group-message-array.json")).orElseThrow();

        assertThat(message).isEqualTo(new ChatMessage("onebot", "987654321", "12345678", "社工小王", SenderRole.MEMBER,
                "123456", "#日报 走访3户", false, Instant.ofEpochSecond(1735689600)));
    }

    @Test
    void mapsAGroupMessageInCqStringFormWithTheNicknameWhenTheCardIsBlank() {
        ChatMessage message = mapper.toChatMessage(OneBotFixtures.event("group-message-string.json")).orElseThrow();

        assertThat(message.text()).isEqualTo("#日报 走访3户");
        assertThat(message.mentionsBot()).isTrue();
        assertThat(message.senderName()).isEqualTo("小王");
        assertThat(message.senderRole()).isEqualTo(SenderRole.ADMIN);
    }

    @Test
    void dropsTheAtSegmentFromTheTextAndNotesTheMention() {
        ChatMessage message = mapper.toChatMessage(OneBotFixtures.event("group-message-at-bot.json")).orElseThrow();

        assertThat(message.text()).isEqualTo("#日报 走访3户");
        assertThat(message.mentionsBot()).isTrue();
    }

    @Test
    void anAtOfSomeoneElseOrOfEveryoneIsNotAMentionOfTheBot() {
        String json = groupMessage("[{\"type\":\"at\",\"data\":{\"qq\":\"all\"}},"
                + "{\"type\":\"at\",\"data\":{\"qq\":\"55555\"}},{\"type\":\"text\",\"data\":{\"text\":\"统计\"}}]");
        ChatMessage message = mapper.toChatMessage(read(json)).orElseThrow();

        assertThat(message.mentionsBot()).isFalse();
        assertThat(message.text()).isEqualTo("统计");
    }

    @Test
    void readsANumericAtQqAsSomeImplementationsSendIt() {
        String json = groupMessage("[{\"type\":\"at\",\"data\":{\"qq\":10001000}}]");
        assertThat(mapper.toChatMessage(read(json)).orElseThrow().mentionsBot()).isTrue();
    }

    @Test
    void joinsTextSegmentsAndDropsImagesFacesAndQuotes() {
        String json = groupMessage("[{\"type\":\"reply\",\"data\":{\"id\":\"99\"}},"
                + "{\"type\":\"text\",\"data\":{\"text\":\" 走访\"}},{\"type\":\"face\",\"data\":{\"id\":\"14\"}},"
                + "{\"type\":\"text\",\"data\":{\"text\":\"3户 \"}},{\"type\":\"image\",\"data\":null}]");
        assertThat(mapper.toChatMessage(read(json)).orElseThrow().text()).isEqualTo("走访3户");
    }

    @Test
    void fallsBackToRawMessageWhenMessageIsMissing() {
        String json = "{\"time\":1735689600,\"self_id\":10001000,\"post_type\":\"message\",\"message_type\":\"group\","
                + "\"message_id\":1,\"group_id\":2,\"user_id\":3,\"raw_message\":\"[CQ:at,qq=10001000] 帮助 &#91;1&#93;\"}";
        ChatMessage message = mapper.toChatMessage(read(json)).orElseThrow();

        assertThat(message.text()).isEqualTo("帮助 [1]");
        assertThat(message.mentionsBot()).isTrue();
        assertThat(message.senderName()).isEmpty();
        assertThat(message.senderRole()).isEqualTo(SenderRole.MEMBER);
    }

    @Test
    void takesTheOwnerRole() {
        String json = groupMessage("\"x\"").replace("\"role\":\"member\"", "\"role\":\"owner\"");
        assertThat(mapper.toChatMessage(read(json)).orElseThrow().senderRole()).isEqualTo(SenderRole.OWNER);
    }

    @Test
    void refusesAGroupMessageWithoutItsIds() {
        assertThat(mapper.toChatMessage(read(groupMessage("\"x\"").replace("\"group_id\":987654321,", "")))).isEmpty();
        assertThat(mapper.toChatMessage(read(groupMessage("\"x\"").replace("\"user_id\":12345678,", "")))).isEmpty();
        assertThat(mapper.toChatMessage(read(groupMessage("\"x\"").replace("\"message_id\":123456,", "")))).isEmpty();
    }

    @Test
    void usesTheClockOnlyWhenTimeIsMissing() {
        String json = groupMessage("\"x\"").replace("\"time\":1735689600,", "");
        assertThat(mapper.toChatMessage(read(json)).orElseThrow().sentAt()).isEqualTo(NOW);
    }

    /**
     * Two bot accounts in one group deliver the same message with different self_id
     * (docs/platforms.md §6). The key the core de-duplicates on, (platform, group,
     * message id), must come out the same, so it is stored once.
     */
    @Test
    void theSameMessageDeliveredByTwoBotAccountsMapsToOneDedupKey() {
        String first = groupMessage("\"#日报 走访3户\"");
        String second = first.replace("\"self_id\":10001000", "\"self_id\":20002000");
        ChatMessage one = mapper.toChatMessage(read(first)).orElseThrow();
        ChatMessage other = mapper.toChatMessage(read(second)).orElseThrow();

        assertThat(other.group()).isEqualTo(one.group());
        assertThat(other.messageId()).isEqualTo(one.messageId());
        assertThat(other).isEqualTo(one);
    }

    @Test
    void mapsARecallNotice() {
        MessageRecall recall = mapper.toRecall(OneBotFixtures.event("group-recall.json")).orElseThrow();

        assertThat(recall).isEqualTo(new MessageRecall("onebot", "987654321", "123456", "12345678", "12345678",
                Instant.ofEpochSecond(1735689700)));
    }

    @Test
    void aRecallWithoutOperatorWasMadeByTheSender() {
        String json = "{\"time\":1,\"post_type\":\"notice\",\"notice_type\":\"group_recall\",\"group_id\":2,"
                + "\"user_id\":3,\"message_id\":4}";
        assertThat(mapper.toRecall(read(json)).orElseThrow().operatorId()).isEqualTo("3");
    }

    private static String groupMessage(String message) {
        return "{\"time\":1735689600,\"self_id\":10001000,\"post_type\":\"message\",\"message_type\":\"group\","
                + "\"message_id\":123456,\"group_id\":987654321,\"user_id\":12345678,\"message\":" + message
                + ",\"sender\":{\"nickname\":\"小王\",\"card\":\"社工小王\",\"role\":\"member\"}}";
    }

    private static OneBotEvent read(String json) {
        return OneBotJson.MAPPER.readValue(json, OneBotEvent.class);
    }

    @Test
    void believesTheEventTimeOnlyWithinAFewMinutesOfTheServerClock() {
        Instant now = Instant.parse("2026-11-29T04:00:00Z");
        OneBotEventMapper mapper = new OneBotEventMapper(Clock.fixed(now, ZoneOffset.UTC));

        assertThat(mapper.sentAt(event(now.getEpochSecond() - 240))).isEqualTo(now.minusSeconds(240));
        assertThat(mapper.sentAt(event(now.getEpochSecond() + 60))).isEqualTo(now.plusSeconds(60));
        assertThat(mapper.sentAt(event(0L))).as("time=0 is not 1970").isEqualTo(now);
        assertThat(mapper.sentAt(event(now.toEpochMilli()))).as("milliseconds are not the year 58883").isEqualTo(now);
        assertThat(mapper.sentAt(event(now.getEpochSecond() - 8 * 86_400))).as("a week old").isEqualTo(now);
        assertThat(mapper.sentAt(event(Long.MAX_VALUE))).as("beyond Java's dates").isEqualTo(now);
        assertThat(mapper.sentAt(event(Long.MIN_VALUE))).isEqualTo(now);
        assertThat(mapper.sentAt(event(null))).isEqualTo(now);
    }

    private static OneBotEvent event(Long time) {
        return OneBotJson.MAPPER.readValue(
                "{\"post_type\":\"meta_event\"" + (time == null ? "" : ",\"time\":" + time) + "}", OneBotEvent.class);
    }

}
