/**
 * The QQ adapter over OneBot v11 (NapCat, LLOneBot, Lagrange.OneBot, go-cqhttp); the
 * protocol as this code speaks it is in docs/platforms.md. It owns the
 * {@code POST /webhook/onebot} endpoint, the {@code X-Signature} HMAC check, the OneBot
 * wire format (events, message segments, CQ codes) and {@code send_group_msg}. It turns
 * events into {@code ChatMessage} and {@code MessageRecall} and nothing else: no wire
 * type leaves this package, so another platform can be added without the core changing.
 */
@NullMarked
package cn.cdsw.tallybot.platform.onebot;

import org.jspecify.annotations.NullMarked;
