package cn.cdsw.tallybot.platform.onebot;

import java.io.IOException;
import java.net.URI;

import cn.cdsw.tallybot.platform.PlatformCallException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Calls actions through the implementation's HTTP API, {@code POST {api-url}/{action}}
 * with the parameters as the JSON body (docs/platforms.md §7). Transport errors, 5xx and
 * 429 are retryable; other HTTP errors and a {@code failed} envelope are not.
 */
final class OneBotHttpActions implements OneBotActions {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;

    private final HttpUrl apiUrl;

    OneBotHttpActions(OkHttpClient sharedClient, URI apiUrl, @Nullable String accessToken) {
        OkHttpClient.Builder builder = sharedClient.newBuilder();
        if (accessToken != null) {
            // The token goes in an interceptor so no call site can forget it.
            builder.addInterceptor(chain -> chain
                .proceed(chain.request().newBuilder().header("Authorization", "Bearer " + accessToken).build()));
        }
        this.client = builder.build();
        this.apiUrl = HttpUrl.get(apiUrl.toString());
    }

    @Override
    public void call(String action, Object params) {
        byte[] body = OneBotJson.MAPPER.writeValueAsBytes(params);
        HttpUrl url = apiUrl.newBuilder().addPathSegment(action).build();
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
        try (Response response = client.newCall(request).execute()) {
            OneBotApiResponse.check(action, response);
        }
        catch (IOException e) {
            throw new PlatformCallException(OneBotEventMapper.PLATFORM, 0, "io", true,
                    action + " failed before a response: " + e.getMessage(), e);
        }
    }

}
