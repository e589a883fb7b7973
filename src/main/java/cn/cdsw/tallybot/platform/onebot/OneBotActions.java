package cn.cdsw.tallybot.platform.onebot;

import cn.cdsw.tallybot.platform.PlatformCallException;

/**
 * One way to call a OneBot action (spec {@code api/}): over the HTTP API
 * ({@link OneBotHttpActions}) or over a WebSocket connection
 * ({@link OneBotWsConnection}). {@link OneBotSender} picks one per send, so what is sent
 * does not depend on how it travels.
 */
interface OneBotActions {

    /**
     * Calls {@code action} with {@code params} (serialised as JSON) and returns once the
     * implementation has accepted it; throws {@link PlatformCallException} when it
     * refuses or cannot be reached. Never retries: a hidden retry here would stack on the
     * caller's and could post a message twice.
     */
    void call(String action, Object params);

}
