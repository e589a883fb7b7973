package cn.cdsw.tallybot.api;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the token check in front of the admin API (webhooks authenticate by their own signatures), lets the same
 * token sign an operator in to the actuator ({@link ActuatorAccessConfiguration}), lets Spring MVC bind the API's {@code status} parameter, and keeps
 * request bodies that nobody reads from holding request threads.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    private final ApiProperties properties;

    ApiWebConfiguration(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiTokenInterceptor(properties)).addPathPatterns("/api/**");
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new RecordStatusConverter());
    }

    /** At the engine, so that it runs after the error page, which may be rendered for such a request. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> unreadBodyValve() {
        return factory -> factory.addEngineValves(new UnreadBodyValve());
    }

}
