package cn.cdsw.tallybot.platform.onebot;

import java.time.Instant;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import org.junit.jupiter.api.Test;

import static cn.cdsw.tallybot.platform.onebot.OneBotAnswers.Transport.HTTP;
import static cn.cdsw.tallybot.platform.onebot.OneBotAnswers.Transport.WEBSOCKET;
import static org.assertj.core.api.Assertions.assertThat;

class OneBotAnswersTests {

    private final OneBotAnswers answers = new OneBotAnswers();

    @Test
    void anHttpRedeliveryIsAnsweredAgainBecauseGoCqhttpLostTheFirstAnswer() {
        assertThat(answers.mayAnswer(message("1418159967", "77"), HTTP)).isTrue();
        assertThat(answers.mayAnswer(message("1418159967", "77"), HTTP)).isTrue();
    }

    @Test
    void aCopyOverAnotherTransportOrASecondWebSocketStaysSilent() {
        assertThat(answers.mayAnswer(message("1418159967", "78"), HTTP)).isTrue();
        assertThat(answers.mayAnswer(message("1418159967", "78"), WEBSOCKET)).isFalse();

        assertThat(answers.mayAnswer(message("1418159967", "79"), WEBSOCKET)).isTrue();
        assertThat(answers.mayAnswer(message("1418159967", "79"), WEBSOCKET)).isFalse();
        assertThat(answers.mayAnswer(message("1418159967", "79"), HTTP)).isFalse();
    }

    @Test
    void theSameMessageIdInAnotherGroupIsAnotherMessage() {
        assertThat(answers.mayAnswer(message("1418159967", "80"), WEBSOCKET)).isTrue();
        assertThat(answers.mayAnswer(message("639921629", "80"), WEBSOCKET)).isTrue();
    }

    private static ChatMessage message(String group, String id) {
        return new ChatMessage("onebot", group, "30001", "社工", SenderRole.MEMBER, id, "#上报", false,
                Instant.parse("2026-11-29T04:00:00Z"));
    }

}
