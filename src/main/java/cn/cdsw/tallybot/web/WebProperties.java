package cn.cdsw.tallybot.web;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tallybot.web.*}: where coordinators reach the desk and how long its links and
 * sessions last.
 *
 * @param publicUrl the address coordinators open the bot at, e.g.
 * {@code https://bot.example.cn} (env {@code TALLYBOT_PUBLIC_URL}); the base of the
 * one-time links {@code #后台} sends. While unset no link is handed out. An {@code https}
 * address makes the session cookie Secure
 * @param linkTtl how long a one-time sign-in link may be opened
 * @param sessionTtl how long a session lasts after sign-in
 */
@ConfigurationProperties("tallybot.web")
public record WebProperties(@Nullable URI publicUrl, @DefaultValue("10m") Duration linkTtl,
        @DefaultValue("12h") Duration sessionTtl) {

    public WebProperties {
        if (publicUrl != null && publicUrl.toString().isBlank()) {
            publicUrl = null;
        }
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException(
                    "tallybot.web.public-url must be an absolute http(s) address such as https://bot.example.cn, not "
                            + publicUrl);
        }
    }

    /** Whether the session cookie may only travel over https. */
    boolean secureCookie() {
        return publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
    }

}
