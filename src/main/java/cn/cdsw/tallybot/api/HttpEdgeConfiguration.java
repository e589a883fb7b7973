package cn.cdsw.tallybot.api;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the HTTP edge adds to Tomcat itself, below Spring MVC: request bodies that nobody
 * reads must not hold request threads ({@link UnreadBodyValve}), and what Tomcat refuses
 * on its own is answered as a problem, not an HTML page ({@link ProblemReportValve}).
 */
@Configuration(proxyBeanMethods = false)
class HttpEdgeConfiguration {

    /**
     * The unread-body valve at the engine, so that it runs after the error page, which
     * may be rendered for such a request; and Tomcat's own error report as a problem.
     * Boot adds its HTML report valve to the host from a customizer that runs before this
     * one (order 0), so it is replaced here, and the host is told the class so that it
     * adds no default one of its own when it starts.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> httpEdgeValves() {
        return factory -> {
            factory.addEngineValves(new UnreadBodyValve());
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        };
    }

}
