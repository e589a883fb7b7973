package cn.cdsw.tallybot;

import java.time.Duration;

import okhttp3.OkHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one shared {@link OkHttpClient}: explicit timeouts, so a stuck platform cannot hold
 * a thread for ever, and no redirects, so a call to a platform API is never sent on to
 * another address. Each platform derives its own variant with {@code newBuilder()} so
 * they share the connection pool and dispatcher.
 */
@Configuration(proxyBeanMethods = false)
class HttpClientConfiguration {

    @Bean(destroyMethod = "")
    OkHttpClient okHttpClient() {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(10))
            .writeTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofSeconds(20))
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
    }

}
