package cn.cdsw.tallybot.wording;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.ReportField;

/**
 * The words of bot-config that messages name, as the catalogue's terms: a message shows
 * the command, field name or unit a deployment configured, and an example in a reply is
 * one the bot itself reads.
 */
final class Terms {

    private Terms() {
    }

    static Map<String, String> of(BotConfig config) {
        Map<String, String> terms = new HashMap<>();
        String prefix = config.commands().prefixes().isEmpty() ? "" : config.commands().prefixes().get(0);
        for (CommandType command : CommandType.values()) {
            String word = config.commands().primary(command);
            terms.put("#" + command.configKey(), prefix + word);
            terms.put("word:" + command.configKey(), word);
        }
        for (ReportField field : ReportField.values()) {
            terms.put("term:" + field.configKey(), config.grammar().name(field));
        }
        terms.put("term:total-unit", config.materials().totalUnit());
        terms.put("term:confirm", first(config.prose().confirmWords(), "confirm-words"));
        terms.put("term:cancel", first(config.prose().cancelWords(), "cancel-words"));
        return terms;
    }

    private static String first(List<String> words, String key) {
        if (words.isEmpty()) {
            throw new IllegalStateException("bot-config/prose.yml: " + key + " is empty, so no reply can name one");
        }
        return words.get(0);
    }

}
