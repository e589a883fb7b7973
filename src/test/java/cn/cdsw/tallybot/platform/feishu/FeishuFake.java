package cn.cdsw.tallybot.platform.feishu;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import cn.cdsw.tallybot.e2e.TestSupport;

/**
 * Feishu's open platform as the tests play it on loopback: hands out a tenant access
 * token, takes images and messages, and remembers every call.
 */
final class FeishuFake implements AutoCloseable {

    /** One call the bot made: its path with query, its token and its body. */
    record Call(String path, String authorization, String body) {
    }

    final MockWebServer server = TestSupport.startedMockWebServer();

    final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    FeishuFake() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath()
                        + (request.getUrl().encodedQuery() == null ? "" : "?" + request.getUrl().encodedQuery());
                String authorization = request.getHeaders().get("Authorization");
                calls.add(new Call(path, authorization == null ? "" : authorization, request.getBody().utf8()));
                if (path.endsWith("/tenant_access_token/internal")) {
                    return json("{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-fake\",\"expire\":7200}");
                }
                if (path.endsWith("/im/v1/images")) {
                    return json("{\"code\":0,\"msg\":\"success\",\"data\":{\"image_key\":\"img_fake\"}}");
                }
                return json("{\"code\":0,\"msg\":\"success\",\"data\":{\"message_id\":\"om_sent\"}}");
            }
        });
    }

    String url() {
        return server.url("/").toString();
    }

    /** The messages sent (to a chat or as a reply), in order. */
    List<Call> messages() {
        return calls.stream().filter(call -> call.path().contains("/im/v1/messages")).toList();
    }

    long tokenFetches() {
        return calls.stream().filter(call -> call.path().endsWith("/tenant_access_token/internal")).count();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }

}
