package cn.cdsw.tallybot.platform.onebot;

import java.net.URI;
import java.util.Objects;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Wires OneBot's WebSocket transports when {@code tallybot.onebot.mode} names one
 * (docs/platforms.md §10): the frame dispatcher both share, and the reverse endpoint and
 * the forward client each under its own mode.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OneBotModes.WebSocket.class)
class OneBotWebSocketConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OneBotWebSocketConfiguration.class);

    /** Where implementations dial; Lagrange.OneBot's default suffix. */
    static final String PATH = "/onebot/v11/ws";

    @Bean
    OneBotWsInbound oneBotWsInbound(OneBotInbound oneBotInbound, OneBotConnections oneBotConnections,
            OneBotApiReplies oneBotApiReplies, OneBotProperties properties) {
        return new OneBotWsInbound(oneBotInbound, oneBotConnections, oneBotApiReplies, properties.maxBodyBytes());
    }

    @Bean(initMethod = "start")
    @Conditional(OneBotModes.Forward.class)
    OneBotForwardClient oneBotForwardClient(OkHttpClient okHttpClient, OneBotProperties properties,
            OneBotWsInbound oneBotWsInbound) {
        URI url = Objects.requireNonNull(properties.wsUrl(), "ws-url");
        return new OneBotForwardClient(okHttpClient, url, properties.accessToken(), oneBotWsInbound,
                properties.actionTimeout(),
                new ReconnectBackoff(properties.reconnectInitial(), properties.reconnectMax()));
    }

    /** The reverse endpoint, with Spring's WebSocket support on the servlet container. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(OneBotModes.Reverse.class)
    @EnableWebSocket
    static class Reverse implements WebSocketConfigurer {

        private final OneBotWsInbound inbound;

        private final OneBotProperties properties;

        Reverse(OneBotWsInbound inbound, OneBotProperties properties) {
            this.inbound = inbound;
            this.properties = properties;
        }

        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            if (properties.accessToken() == null && properties.insecure()) {
                log.warn("TALLYBOT_ONEBOT_ACCESS_TOKEN is not set and TALLYBOT_ONEBOT_INSECURE=true: OneBot "
                        + "WebSockets from anywhere are accepted without a token");
            }
            else if (properties.accessToken() == null) {
                log.warn("TALLYBOT_ONEBOT_ACCESS_TOKEN is not set: only OneBot WebSockets from this machine are "
                        + "accepted; set the token (NapCat: the WebSocket client's token) to take them from elsewhere");
            }
            OneBotSources sources = new OneBotSources(properties.accessToken() != null, properties.insecure(),
                    "TALLYBOT_ONEBOT_ACCESS_TOKEN");
            registry
                .addHandler(new OneBotReverseEndpoint(inbound, properties.actionTimeout()), PATH, PATH + "/event",
                        PATH + "/api")
                .addInterceptors(new OneBotHandshake(properties.accessToken(), sources));
        }

        /**
         * Tomcat takes text frames of at most 8 KiB by default and closes the connection
         * on a longer one; an event may be as long as a webhook body.
         */
        @Bean
        ServletServerContainerFactoryBean oneBotWebSocketContainer() {
            ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
            container.setMaxTextMessageBufferSize(properties.maxBodyBytes());
            return container;
        }

    }

}
