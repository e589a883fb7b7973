package cn.cdsw.tallybot.platform.onebot;

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.cdsw.tallybot.platform.LoopbackAddress;

/**
 * Who may post events. With a secret, anyone whose signature checks out (the signature is
 * the proof). Without one, an event proves nothing — a forged {@code role: owner} could
 * retract anybody's record — so only clients on this machine are taken (NapCat beside the
 * bot, or a reverse proxy on the same host that does its own checking), unless the
 * operator says {@code tallybot.onebot.insecure=true}: fail closed rather than open.
 */
final class OneBotSources {

    private static final Logger log = LoggerFactory.getLogger(OneBotSources.class);

    /**
     * One line for the first refusal and then one per this many, so a scan cannot flood
     * the log.
     */
    private static final long LOG_EVERY = 1000;

    private final boolean signed;

    private final boolean insecure;

    private final String credential;

    private final AtomicLong refused = new AtomicLong();

    OneBotSources(boolean signed, boolean insecure) {
        this(signed, insecure, "TALLYBOT_ONEBOT_SECRET");
    }

    /**
     * @param credential the setting that would prove the caller, named in the refusal's
     * log line
     */
    OneBotSources(boolean signed, boolean insecure, String credential) {
        this.signed = signed;
        this.insecure = insecure;
        this.credential = credential;
    }

    boolean accepts(@Nullable String remoteAddress) {
        if (signed || insecure || LoopbackAddress.is(remoteAddress)) {
            return true;
        }
        long count = refused.incrementAndGet();
        if (count % LOG_EVERY == 1) {
            log.warn("OneBot event from {} refused: no {} is set, so only this machine may post events ({} refused so "
                    + "far)", remoteAddress, credential, count);
        }
        return false;
    }

}
