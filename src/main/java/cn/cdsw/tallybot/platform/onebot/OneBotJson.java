package cn.cdsw.tallybot.platform.onebot;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper for the OneBot wire format. The adapter keeps its own instead of Boot's, so
 * a global Jackson customisation (naming strategy, inclusion rules) can never change what
 * QQ receives or how events are read. Jackson 3 mappers are immutable, so sharing one is
 * safe.
 */
final class OneBotJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OneBotJson() {
    }

}
