package cn.cdsw.tallybot.platform.dingtalk;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.platform.WebhookBodies;

/**
 * {@code POST /webhook/dingtalk}: checks the {@code timestamp}/{@code sign} headers
 * before reading a byte of the body, reads at most {@code max-body-bytes}, and copies
 * {@link DingTalkInbound}'s outcome. A refusal is a {@code ProblemDetail}; an answer
 * given before the body was read closes the connection, so the container does not drain a
 * body nobody wants.
 */
@RestController
@Conditional(DingTalkEnabled.class)
class DingTalkWebhookController {

    private static final byte[] EMPTY_OBJECT = { '{', '}' };

    private final DingTalkInbound inbound;

    DingTalkWebhookController(DingTalkInbound inbound) {
        this.inbound = inbound;
    }

    @PostMapping("/webhook/dingtalk")
    ResponseEntity<?> receive(HttpServletRequest request,
            @RequestHeader(name = "timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "sign", required = false) @Nullable String sign) {
        if (!inbound.authentic(timestamp, sign)) {
            return unread(new DingTalkOutcome.Unauthorized());
        }
        Optional<byte[]> body;
        try {
            body = WebhookBodies.read(request, inbound.maxBodyBytes());
        }
        catch (IOException brokenOff) {
            return refused(new DingTalkOutcome.Malformed());
        }
        if (body.isEmpty()) {
            return unread(new DingTalkOutcome.TooLarge());
        }
        DingTalkOutcome outcome = inbound.accept(body.get());
        if (outcome instanceof DingTalkOutcome.Refused refused) {
            return outcome instanceof DingTalkOutcome.TooLarge ? unread(refused) : refused(refused);
        }
        return ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_JSON).body(EMPTY_OBJECT);
    }

    private static ResponseEntity<?> refused(DingTalkOutcome.Refused outcome) {
        return ResponseEntity.status(outcome.status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(outcome.status()), outcome.detail()));
    }

    private static ResponseEntity<?> unread(DingTalkOutcome.Refused outcome) {
        return ResponseEntity.status(outcome.status())
            .header(HttpHeaders.CONNECTION, "close")
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(outcome.status()), outcome.detail()));
    }

}
