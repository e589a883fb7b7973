package cn.cdsw.tallybot.testing;

import java.nio.file.Path;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigLoader;
import cn.cdsw.tallybot.wording.Wording;

/**
 * The shipped bot-config and the wording built from it, for tests that need replies
 * without Spring.
 */
public final class ShippedWording {

    public static final BotConfig CONFIG = BotConfigLoader.load(Path.of("bot-config"));

    public static final Wording WORDING = Wording.chinese(CONFIG);

    private ShippedWording() {
    }

}
