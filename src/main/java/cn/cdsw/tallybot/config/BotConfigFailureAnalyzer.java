package cn.cdsw.tallybot.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a mistake in {@code bot-config/} into Boot's short "APPLICATION FAILED TO START"
 * report naming the file and line, instead of a page of bean-creation stack trace an
 * operator has to dig through.
 */
class BotConfigFailureAnalyzer extends AbstractFailureAnalyzer<BotConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BotConfigException cause) {
        return new FailureAnalysis("bot-config: " + cause.getMessage(),
                "Fix the file and line named above (UTF-8 YAML), or point TALLYBOT_CONFIG_DIR at the right folder,"
                        + " then start again.",
                cause);
    }

}
