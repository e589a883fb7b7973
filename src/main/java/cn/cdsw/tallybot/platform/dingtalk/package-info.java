/**
 * The DingTalk (钉钉) adapter: the enterprise internal app robot's HTTP callback in, the
 * session webhook and the robot group-send API out; the protocol as this code speaks it
 * is in docs/platforms.md. It owns {@code POST /webhook/dingtalk}, the {@code timestamp}/
 * {@code sign} check, the callback's JSON, the app access token and media upload. It
 * turns callbacks into {@code ChatMessage} and nothing else: no wire type leaves this
 * package. Off until the app key and secret are set.
 */
@NullMarked
package cn.cdsw.tallybot.platform.dingtalk;

import org.jspecify.annotations.NullMarked;
