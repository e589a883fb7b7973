package cn.cdsw.tallybot.conversation;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.web.Coordinator;
import cn.cdsw.tallybot.web.LoginLinks;
import cn.cdsw.tallybot.wording.Wording;

/**
 * #后台: a coordinator asking in a private chat gets a one-time link to the web desk; in a
 * group the bot only says to ask privately, since anyone in the group could open a link
 * posted there; a member is refused.
 */
@Component
class DeskCommands {

    private final LoginLinks links;

    private final Wording wording;

    DeskCommands(LoginLinks links, Wording wording) {
        this.links = links;
        this.wording = wording;
    }

    /**
     * The answer to #后台.
     * @param privateChat whether the message came in a private chat with the bot
     */
    String link(Turn turn, boolean privateChat) {
        if (!turn.coordinator()) {
            return wording.commandRefusals().coordinatorsOnly(CommandType.DESK);
        }
        if (!privateChat) {
            return wording.desk().privateOnly();
        }
        if (!links.available()) {
            return wording.desk().notSetUp();
        }
        var message = turn.message();
        String name = message.senderName().isBlank() ? message.senderId() : message.senderName();
        String url = links.issue(new Coordinator(message.platform(), message.senderId(), name)).toString();
        return wording.desk().link(url, links.lifetime().toMinutes());
    }

}
