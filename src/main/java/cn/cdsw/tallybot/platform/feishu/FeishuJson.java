package cn.cdsw.tallybot.platform.feishu;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper for Feishu's wire format, the adapter's own so that a global Jackson
 * customisation never changes what Feishu receives.
 */
final class FeishuJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private FeishuJson() {
    }

}
