package cn.cdsw.tallybot.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the CSRF check in front of the desk's pages. The one-time link's post
 * ({@code /login}) is left out: it has no session yet, and its secret token is its
 * protection. The admin API, webhooks and the actuator keep their own checks.
 */
@Configuration(proxyBeanMethods = false)
class DeskWebConfiguration implements WebMvcConfigurer {

    private final DeskSessions sessions;

    DeskWebConfiguration(DeskSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CsrfInterceptor(sessions)).addPathPatterns("/", "/logout", "/desk/**");
    }

}
