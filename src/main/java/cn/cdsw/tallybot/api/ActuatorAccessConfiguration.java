package cn.cdsw.tallybot.api;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link ActuatorAccessFilter} in front of the actuator wherever it is served. On
 * the application's port this class is found by component scanning; with a separate
 * management port ({@code management.server.port}) the actuator runs in a child context
 * with its own server, which sees no filter of the application's, so this class is also
 * listed in {@code META-INF/spring/…ManagementContextConfiguration.imports} and adds the
 * filter there: without it, prometheus and info would be open to anyone on that port. The
 * paths come from the actuator's own mapping, so
 * {@code management.endpoints.web.base-path} moves the guard with the endpoints. Without
 * a web server (tests that start the application without one) there is no actuator to
 * guard.
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ActuatorAccessConfiguration {

    @Bean
    FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(ApiProperties properties,
            PathMappedEndpoints endpoints) {
        ActuatorAccessFilter filter = new ActuatorAccessFilter(properties, endpoints.getBasePath(),
                endpoints.getPath(EndpointId.of("health")));
        FilterRegistrationBean<ActuatorAccessFilter> registration = new FilterRegistrationBean<>(filter);
        // every path: the filter itself tells the actuator's apart, from the same mapping
        // the endpoints use
        registration.addUrlPatterns("/*");
        return registration;
    }

}
