package cn.cdsw.tallybot.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.cdsw.tallybot.web.DeskSessions;

/**
 * Puts the token check in front of the admin API (webhooks authenticate by their own
 * signatures; the actuator has {@link ActuatorAccessConfiguration}) and lets Spring MVC
 * bind the API's {@code status} parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    private final ApiProperties properties;

    private final DeskSessions sessions;

    ApiWebConfiguration(ApiProperties properties, DeskSessions sessions) {
        this.properties = properties;
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiTokenInterceptor(properties, sessions::signedIn)).addPathPatterns("/api/**");
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new RecordStatusConverter());
    }

}
