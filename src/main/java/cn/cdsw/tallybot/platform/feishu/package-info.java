/**
 * The Feishu (飞书) adapter: a self-built app's event subscription in (URL challenge,
 * {@code encrypt_key} decryption and signature, {@code im.message.receive_v1}), replies
 * and posts out through {@code im/v1/messages} with a cached {@code tenant_access_token}
 * (docs/platforms.md, Feishu).
 */
@NullMarked
package cn.cdsw.tallybot.platform.feishu;

import org.jspecify.annotations.NullMarked;
