package cn.cdsw.tallybot.command;

import java.nio.file.Path;
import java.time.LocalDate;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.wording.Wording;

/** The shipped bot-config and a fixed "today" for parser tests. */
final class ParserFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final BotConfig CONFIG = BotConfigLoader.load(Path.of("bot-config"));
    static final CommandParser PARSER = new CommandParser(CONFIG);
    static final Wording WORDING = Wording.chinese(CONFIG);

    private ParserFixtures() {
    }

    static ParseContext member() {
        return new ParseContext(TODAY, 7, false, false);
    }

    static ParseContext coordinator() {
        return new ParseContext(TODAY, 7, true, false);
    }

    static ParseResult parse(String text) {
        return PARSER.parse(text, member());
    }

    /** The reply the bot gives to a refused command. */
    static String reply(ParseResult.Rejected rejected) {
        return WORDING.refusals().of(rejected.refusal());
    }

}
