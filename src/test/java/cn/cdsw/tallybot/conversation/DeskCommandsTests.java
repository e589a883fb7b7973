package cn.cdsw.tallybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.command.CommandParser;
import cn.cdsw.tallybot.command.ParseContext;
import cn.cdsw.tallybot.command.ParseResult;
import cn.cdsw.tallybot.e2e.TestSupport;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.SenderRole;
import cn.cdsw.tallybot.web.Coordinator;
import cn.cdsw.tallybot.web.LoginLinks;

/**
 * #后台: a coordinator in a private chat gets a working one-time link; in a group only the
 * advice to ask privately, never a link; a member a refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tallybot.summary.enabled=false")
class DeskCommandsTests {

    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestSupport.sqliteUrl("tallybot-desk-command"));
        registry.add("tallybot.web.public-url", () -> "https://bot.example.cn");
    }

    @Autowired
    DeskCommands desk;

    @Autowired
    CommandDispatcher dispatcher;

    @Autowired
    CommandParser parser;

    @Autowired
    LoginLinks links;

    @Test
    void theCommandWordIsRead() {
        for (String text : new String[] { "#后台", "/后台", "#desk" }) {
            ParseResult result = parser.parse(text, new ParseContext(TODAY, 7, true, false));

            assertThat(result).as(text).isEqualTo(new ParseResult.Parsed(new Command.Desk()));
        }
    }

    @Test
    void aCoordinatorInAPrivateChatGetsALinkThatSignsThemInOnce() {
        String reply = desk.link(turn(SenderRole.MEMBER, true), true);

        assertThat(reply).contains("10分钟内有效", "只能用一次");
        String link = reply.replaceAll("(?s)^.*(https://bot\\.example\\.cn/login/\\S+).*$", "$1");
        assertThat(link).startsWith("https://bot.example.cn/login/");
        String token = URI.create(link).getPath().substring("/login/".length());
        assertThat(links.redeem(token)).contains(new Coordinator("onebot", "20001", "李协调"));
        assertThat(links.redeem(token)).isEmpty();
    }

    @Test
    void inAGroupTheBotSaysToAskPrivatelyAndPostsNoLink() {
        String reply = desk.link(turn(SenderRole.ADMIN, true), false);

        assertThat(reply).contains("请私聊机器人发送 #后台").doesNotContain("http", "/login/");
        assertThat(dispatcher.dispatch(new Command.Desk(), turn(SenderRole.ADMIN, true)))
            .as("the dispatcher, which only carries group messages so far")
            .contains(reply);
    }

    @Test
    void aMemberIsRefusedInAnyChat() {
        for (boolean privateChat : new boolean[] { true, false }) {
            String reply = desk.link(turn(SenderRole.MEMBER, false), privateChat);

            assertThat(reply).contains("「后台」只有协调员可以用").doesNotContain("http", "/login/");
        }
    }

    private static Turn turn(SenderRole role, boolean coordinator) {
        return new Turn(new ChatMessage("onebot", "1418159967", "20001", "李协调", role, "m1", "#后台", false, NOW),
                new ParseContext(TODAY, 7, coordinator, false));
    }

}
