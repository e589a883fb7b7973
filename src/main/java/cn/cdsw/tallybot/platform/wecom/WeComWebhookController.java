package cn.cdsw.tallybot.platform.wecom;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.platform.WebhookBodies;

/**
 * {@code GET /webhook/wecom} (the URL check the admin console runs) and
 * {@code POST /webhook/wecom} (the encrypted callbacks): hands the query parameters and
 * the raw body to {@link WeComInbound} and copies the outcome; a refusal carries a
 * {@code ProblemDetail}. Served only once the token and the key are set.
 *
 * <p>
 * The body is read to at most {@code max-body-bytes} and one byte more, so neither a
 * large nor an endless body can fill the heap; Tomcat's connection timeout bounds a slow
 * one.
 */
@RestController
@Conditional(WeComSwitches.Receives.class)
class WeComWebhookController {

    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final WeComInbound inbound;

    WeComWebhookController(WeComInbound inbound) {
        this.inbound = inbound;
    }

    @GetMapping("/webhook/wecom")
    ResponseEntity<?> verify(@RequestParam(name = "msg_signature", required = false) @Nullable String signature,
            @RequestParam(name = "timestamp", required = false) @Nullable String timestamp,
            @RequestParam(name = "nonce", required = false) @Nullable String nonce,
            @RequestParam(name = "echostr", required = false) @Nullable String echo) {
        return answer(inbound.verifyUrl(signature, timestamp, nonce, echo));
    }

    @PostMapping("/webhook/wecom")
    ResponseEntity<?> receive(HttpServletRequest request,
            @RequestParam(name = "msg_signature", required = false) @Nullable String signature,
            @RequestParam(name = "timestamp", required = false) @Nullable String timestamp,
            @RequestParam(name = "nonce", required = false) @Nullable String nonce) throws IOException {
        Optional<byte[]> body = WebhookBodies.read(request, inbound.maxBodyBytes());
        if (body.isEmpty()) {
            return unread(new WeComOutcome.TooLarge());
        }
        return answer(inbound.accept(signature, timestamp, nonce, body.get()));
    }

    private static ResponseEntity<?> answer(WeComOutcome outcome) {
        if (outcome instanceof WeComOutcome.Echo echo) {
            return ResponseEntity.ok().contentType(TEXT).body(echo.plainText());
        }
        if (outcome instanceof WeComOutcome.Passive passive) {
            return ResponseEntity.ok().contentType(XML).body(passive.xml());
        }
        if (outcome instanceof WeComOutcome.Refused refused) {
            return ResponseEntity.status(refused.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(refused.status()), refused.detail()));
        }
        return ResponseEntity.ok().build();
    }

    /**
     * An answer before the body's end closes the connection rather than drain the rest.
     */
    private static ResponseEntity<?> unread(WeComOutcome.Refused outcome) {
        return ResponseEntity.status(outcome.status())
            .header(HttpHeaders.CONNECTION, "close")
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(outcome.status()), outcome.detail()));
    }

}
