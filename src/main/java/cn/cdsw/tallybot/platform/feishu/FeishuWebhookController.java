package cn.cdsw.tallybot.platform.feishu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.platform.WebhookBodies;

/**
 * {@code POST /webhook/feishu}: the event subscription's request URL. Answers the URL
 * challenge, 200 for a handled or ignored event, 401 for one not from Feishu as
 * configured, 400 for one that cannot be read, 413 above {@code max-body-bytes}. Exists
 * only when the adapter is on.
 */
@RestController
@Conditional(FeishuConfiguration.Enabled.class)
class FeishuWebhookController {

    private static final Logger log = LoggerFactory.getLogger(FeishuWebhookController.class);

    private final FeishuInbound inbound;

    private final int maxBodyBytes;

    FeishuWebhookController(FeishuInbound inbound, FeishuProperties properties) {
        this.inbound = inbound;
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    @PostMapping(path = "/webhook/feishu", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(HttpServletRequest request,
            @RequestHeader(name = "X-Lark-Request-Timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-Lark-Request-Nonce", required = false) @Nullable String nonce,
            @RequestHeader(name = "X-Lark-Signature", required = false) @Nullable String signature) throws IOException {
        Optional<byte[]> body = WebhookBodies.read(request, maxBodyBytes);
        if (body.isEmpty()) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + maxBodyBytes + " bytes");
        }
        FeishuOutcome outcome = inbound.handle(new String(body.get(), StandardCharsets.UTF_8),
                new FeishuInbound.Signature(timestamp, nonce, signature));
        if (outcome instanceof FeishuOutcome.Challenge challenge) {
            return ResponseEntity.ok(Map.of("challenge", challenge.challenge()));
        }
        if (outcome instanceof FeishuOutcome.Unauthorized refused) {
            log.warn("Feishu callback refused: {}", refused.reason());
            return problem(HttpStatus.UNAUTHORIZED, refused.reason());
        }
        if (outcome instanceof FeishuOutcome.Malformed malformed) {
            log.info("Feishu callback not readable: {}", malformed.reason());
            return problem(HttpStatus.BAD_REQUEST, malformed.reason());
        }
        return ResponseEntity.ok(Map.of());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

}
