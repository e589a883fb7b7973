package cn.cdsw.tallybot.platform.onebot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhook/onebot}: reads the raw body, hands it to {@link OneBotInbound} and copies the outcome's
 * status; the controller holds no logic worth a test of its own. The body is read here rather than bound with
 * {@code @RequestBody} so that at most {@code max-body-bytes + 1} bytes are ever buffered, also for a chunked body
 * without Content-Length, and an oversized body is a 413 rather than an exhausted heap.
 */
@RestController
class OneBotWebhookController {

    private final OneBotInbound inbound;
    private final OneBotSources sources;

    OneBotWebhookController(OneBotInbound inbound, OneBotSources sources) {
        this.inbound = inbound;
        this.sources = sources;
    }

    @PostMapping("/webhook/onebot")
    ResponseEntity<byte[]> receive(HttpServletRequest request,
            @RequestHeader(name = "X-Signature", required = false) @Nullable String signature) {
        if (!sources.accepts(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        int limit = inbound.maxBodyBytes();
        if (request.getContentLengthLong() > limit) {
            return ResponseEntity.status(new OneBotOutcome.TooLarge().status()).build();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(limit + 1);
        }
        catch (IOException truncated) {
            // The client broke off the body: bad input, so a 400, never a 5xx.
            return ResponseEntity.badRequest().build();
        }
        OneBotOutcome outcome = inbound.accept(body, signature);
        if (outcome instanceof OneBotOutcome.Replied replied) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(replied.quickOperationJson().getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.status(outcome.status()).build();
    }
}
