package cn.cdsw.tallybot.platform.onebot;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.Collections;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Drives {@link OneBotWebhookController} through MockMvc the way a servlet container
 * does: the body arrives through the controller's {@code ReadListener}, and the answer
 * after the async dispatch. MockMvc's own request stream supports no non-blocking reads,
 * so each request is copied into a {@link NonBlockingRequest}.
 */
final class WebhookMvc {

    private final MockMvc mvc;

    WebhookMvc(OneBotWebhookController controller) {
        this.mvc = MockMvcBuilders.standaloneSetup(controller).build();
    }

    /** The adapter's settings with their defaults and this secret (null: none). */
    static OneBotProperties properties(@Nullable String secret) {
        return new OneBotProperties(secret, null, null, OneBotProperties.ReplyMode.QUICK, false, 65_536, false,
                Duration.ofSeconds(10), Set.of(OneBotProperties.Mode.HTTP), null, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    /**
     * Performs the request with its whole body available at once, and returns the final
     * answer.
     */
    ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return answer(request.with(original -> new NonBlockingRequest(original, -1)));
    }

    /**
     * Performs the request with a body that the client breaks off after {@code bytes}
     * bytes.
     */
    ResultActions performBrokenOffAfter(int bytes, MockHttpServletRequestBuilder request) throws Exception {
        return answer(request.with(original -> new NonBlockingRequest(original, bytes)));
    }

    private ResultActions answer(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    /**
     * A copy of a mock request whose input stream calls a read listener as a container
     * would.
     */
    private static final class NonBlockingRequest extends MockHttpServletRequest {

        private final long contentLength;

        private final int breakOffAfter;

        NonBlockingRequest(MockHttpServletRequest original, int breakOffAfter) {
            super(original.getServletContext(), original.getMethod(), original.getRequestURI());
            this.contentLength = original.getContentLengthLong();
            this.breakOffAfter = breakOffAfter;
            setContent(original.getContentAsByteArray());
            setContentType(original.getContentType());
            setRemoteAddr(original.getRemoteAddr());
            setAsyncSupported(true);
            for (String name : Collections.list(original.getHeaderNames())) {
                for (String value : Collections.list(original.getHeaders(name))) {
                    addHeader(name, value);
                }
            }
        }

        @Override
        public int getContentLength() {
            return (int) contentLength;
        }

        @Override
        public long getContentLengthLong() {
            return contentLength;
        }

        @Override
        public ServletInputStream getInputStream() {
            byte[] content = getContentAsByteArray();
            return new ListenedStream(content == null ? new byte[0] : content, breakOffAfter);
        }

    }

    /**
     * Hands the listener all bytes in one {@code onDataAvailable}, then
     * {@code onAllDataRead}; or, when the client breaks off, fails the read after that
     * many bytes and calls {@code onError}, as the container does when a read throws.
     */
    private static final class ListenedStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        private final int breakOffAfter;

        private int delivered;

        ListenedStream(byte[] content, int breakOffAfter) {
            this.bytes = new ByteArrayInputStream(content);
            this.breakOffAfter = breakOffAfter;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            }
            catch (IOException | RuntimeException failure) {
                listener.onError(failure);
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (breakOffAfter >= 0 && delivered >= breakOffAfter) {
                throw new IOException("client broke the body off");
            }
            int allowed = breakOffAfter >= 0 ? Math.min(length, breakOffAfter - delivered) : length;
            int read = bytes.read(buffer, offset, allowed);
            delivered += Math.max(read, 0);
            return read;
        }

    }

}
