package cn.cdsw.tallybot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.cdsw.tallybot.TallybotApplication;
import cn.cdsw.tallybot.testing.PostgresSchema;
import cn.cdsw.tallybot.web.Coordinator;
import cn.cdsw.tallybot.web.DeskSessions;
import cn.cdsw.tallybot.web.LoginLinks;

/**
 * Two replicas on one PostgreSQL schema (so the desk's migration runs there too): a link
 * issued by one opens on the other, only once, and the session it starts is good on both
 * until it is ended on either.
 */
class DeskTwoReplicaIntegrationTests {

    static PostgresSchema schema;

    static ConfigurableApplicationContext a;

    static ConfigurableApplicationContext b;

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

    @BeforeAll
    static void startReplicas() {
        schema = PostgresSchema.create();
        a = replica();
        b = replica();
    }

    static ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(TallybotApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + schema.url(), "--tallybot.summary.enabled=false",
                "--tallybot.web.public-url=https://bot.example.cn");
    }

    @AfterAll
    static void stopReplicas() {
        for (AutoCloseable resource : new AutoCloseable[] { a, b, schema }) {
            try {
                if (resource != null) {
                    resource.close();
                }
            }
            catch (Exception e) {
                // closing the rest matters more than this one's failure
            }
        }
    }

    @Test
    void aLinkFromOneReplicaSignsInOnTheOtherOnceAndTheSessionHoldsOnBoth() throws IOException {
        URI link = a.getBean(LoginLinks.class).issue(new Coordinator("onebot", "20001", "李协调"));
        String token = link.getPath().substring("/login/".length());

        String cookie;
        try (Response signIn = post(b, "/login", "token", token)) {
            assertThat(signIn.code()).isEqualTo(303);
            cookie = signIn.header("Set-Cookie").split(";")[0];
        }
        try (Response again = post(a, "/login", "token", token)) {
            assertThat(again.code()).as("the same link on the other replica").isEqualTo(410);
        }
        assertThat(status(a, cookie)).isEqualTo(200);
        assertThat(status(b, cookie)).isEqualTo(200);

        String csrf;
        try (Response page = get(a, "/", cookie)) {
            csrf = page.body().string().replaceAll("(?s)^.*name=\"_csrf\" value=\"([^\"]+)\".*$", "$1");
        }
        try (Response out = http
            .newCall(new Request.Builder().url(base(b) + "/logout")
                .header("Cookie", cookie)
                .post(new FormBody.Builder().add("_csrf", csrf).build())
                .build())
            .execute()) {
            assertThat(out.code()).isEqualTo(302);
        }
        assertThat(status(a, cookie)).as("ended on the other replica").isEqualTo(401);
        assertThat(cookie).startsWith(DeskSessions.COOKIE + "=");
    }

    private int status(ConfigurableApplicationContext replica, String cookie) throws IOException {
        try (Response response = get(replica, "/", cookie)) {
            return response.code();
        }
    }

    private Response get(ConfigurableApplicationContext replica, String path, String cookie) throws IOException {
        return http.newCall(new Request.Builder().url(base(replica) + path).header("Cookie", cookie).build()).execute();
    }

    private Response post(ConfigurableApplicationContext replica, String path, String name, String value)
            throws IOException {
        return http
            .newCall(new Request.Builder().url(base(replica) + path)
                .post(new FormBody.Builder().add(name, value).build())
                .build())
            .execute();
    }

    private static String base(ConfigurableApplicationContext replica) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) replica).getWebServer().getPort();
    }

}
