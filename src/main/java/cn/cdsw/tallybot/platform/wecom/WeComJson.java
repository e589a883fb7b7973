package cn.cdsw.tallybot.platform.wecom;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper for WeCom's JSON. The adapter keeps its own instead of Boot's, so a global
 * Jackson customisation can never change what WeCom receives or how callbacks are read.
 */
final class WeComJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private WeComJson() {
    }

}
