/**
 * The WeCom (企业微信) adapter: the intelligent robot's encrypted callbacks (and the
 * self-built app's XML form) on {@code /webhook/wecom}, replies through the callback's
 * {@code response_url}, and posts through group robot webhooks (docs/platforms.md §12).
 * It owns the SHA-1 signature, the AES-256-CBC envelope and every WeCom wire format, and
 * turns messages into {@code ChatMessage} and nothing else: no wire type leaves this
 * package.
 */
@NullMarked
package cn.cdsw.tallybot.platform.wecom;

import org.jspecify.annotations.NullMarked;
