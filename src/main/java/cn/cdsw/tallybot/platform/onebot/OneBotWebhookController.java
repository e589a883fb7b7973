package cn.cdsw.tallybot.platform.onebot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.DeferredResultProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;

/**
 * {@code POST /webhook/onebot}: receives the raw body, hands it to {@link OneBotInbound}
 * and copies the outcome's status; a refusal carries a {@code ProblemDetail} saying what
 * was wrong.
 *
 * <p>
 * The body is read with Servlet non-blocking I/O ({@link OneBotBodyReader}) rather than
 * bound with {@code @RequestBody} or read from a blocking stream. A blocking read holds a
 * request thread for as long as the client takes to send the body, so a few hundred
 * clients sending a byte every few seconds would hold all of them, and real deliveries
 * and the health check would wait behind them. Here a slow body holds only its
 * connection, and only for {@code tallybot.onebot.body-timeout} (then 408). No more than
 * {@code max-body-bytes} are ever buffered, also for a chunked body without
 * Content-Length, so an oversized body is a 413 rather than an exhausted heap.
 */
@RestController
@Conditional(OneBotModes.Http.class)
class OneBotWebhookController {

    private final OneBotInbound inbound;

    private final OneBotSources sources;

    private final Duration bodyTimeout;

    OneBotWebhookController(OneBotInbound inbound, OneBotSources sources, OneBotProperties properties) {
        this.inbound = inbound;
        this.sources = sources;
        this.bodyTimeout = properties.bodyTimeout();
    }

    @PostMapping("/webhook/onebot")
    DeferredResult<ResponseEntity<?>> receive(HttpServletRequest request,
            @RequestHeader(name = "X-Signature", required = false) @Nullable String signature) {
        DeferredResult<ResponseEntity<?>> answer = new DeferredResult<>(bodyTimeout.toMillis(),
                () -> answer(new OneBotOutcome.TimedOut()));
        if (!sources.accepts(request.getRemoteAddr())) {
            answer.setResult(unread(new OneBotOutcome.Forbidden()));
        }
        else if (request.getContentLengthLong() > inbound.maxBodyBytes()) {
            answer.setResult(unread(new OneBotOutcome.TooLarge()));
        }
        else {
            // The container takes a ReadListener only once the request is in async mode,
            // which Spring MVC starts
            // after this method has returned the DeferredResult; preProcess is the first
            // moment after that.
            WebAsyncUtils.getAsyncManager(request)
                .registerDeferredResultInterceptor(OneBotWebhookController.class,
                        new DeferredResultProcessingInterceptor() {
                            @Override
                            public <T> void preProcess(NativeWebRequest webRequest, DeferredResult<T> result)
                                    throws IOException {
                                ServletInputStream in = request.getInputStream();
                                in.setReadListener(new OneBotBodyReader(in, inbound.maxBodyBytes(),
                                        new Answering(answer, signature)));
                            }
                        });
        }
        return answer;
    }

    /** Turns the outcome of the body's read into the webhook's answer. */
    private final class Answering implements OneBotBodyReader.Receiver {

        private final DeferredResult<ResponseEntity<?>> answer;

        private final @Nullable String signature;

        Answering(DeferredResult<ResponseEntity<?>> answer, @Nullable String signature) {
            this.answer = answer;
            this.signature = signature;
        }

        @Override
        public void body(byte[] body) {
            try {
                answer.setResult(answer(inbound.accept(body, signature)));
            }
            catch (RuntimeException bug) {
                // handled by Spring MVC as if the controller had thrown it
                answer.setErrorResult(bug);
            }
        }

        @Override
        public void tooLarge() {
            answer.setResult(unread(new OneBotOutcome.TooLarge()));
        }

        @Override
        public void failed(boolean timedOut) {
            answer.setResult(answer(timedOut ? new OneBotOutcome.TimedOut() : new OneBotOutcome.BrokenOff()));
        }

    }

    private static ResponseEntity<?> answer(OneBotOutcome outcome) {
        if (outcome instanceof OneBotOutcome.Replied replied) {
            return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(replied.quickOperationJson().getBytes(StandardCharsets.UTF_8));
        }
        if (outcome instanceof OneBotOutcome.Refused refused) {
            return ResponseEntity.status(refused.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(refused.status()), refused.detail()));
        }
        return ResponseEntity.status(outcome.status()).build();
    }

    /**
     * An answer sent before the body was read to its end closes the connection: keeping
     * it open would make the container drain the rest of the body first, on a request
     * thread, at whatever pace the client chooses.
     */
    private static ResponseEntity<?> unread(OneBotOutcome.Refused outcome) {
        return ResponseEntity.status(outcome.status())
            .header(HttpHeaders.CONNECTION, "close")
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(outcome.status()), outcome.detail()));
    }

}
