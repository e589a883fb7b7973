package cn.cdsw.tallybot.api;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tallybot.api.*} (env {@code TALLYBOT_API_TOKEN}). The admin API serves only
 * while a non-blank token is configured: failing closed means a deployment without a
 * token exposes no records.
 *
 * @param token bearer token of the admin API (/api/**), also what shows /actuator/health
 * in detail; while unset the admin API answers 404 and health details are shown to nobody
 */
@ConfigurationProperties("tallybot.api")
record ApiProperties(@Nullable String token) {

    boolean enabled() {
        return token != null && !token.isBlank();
    }

    /** Keeps the token out of logs and failure analyses, which print bound properties. */
    @Override
    public String toString() {
        return "ApiProperties[token=" + (enabled() ? "******" : "unset") + "]";
    }
}
