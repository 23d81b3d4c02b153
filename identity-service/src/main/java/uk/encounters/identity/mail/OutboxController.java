package uk.encounters.identity.mail;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.identity.web.Html;

/**
 * The local mail outbox, newest first: an HTML page for a person, JSON for scripts (the demo loader reads its
 * invitation links here). Only where {@code encounters.identity.outbox-page=true}: local runs, never a deployment.
 */
@RestController
@ConditionalOnBooleanProperty("encounters.identity.outbox-page")
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(value = "/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Outbox.Sent> json(@RequestParam(defaultValue = "50") int limit) {
        return outbox.latest(Math.clamp(limit, 1, 500));
    }

    @GetMapping(value = "/outbox", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(defaultValue = "50") int limit) {
        StringBuilder body = new StringBuilder("<p>Mail this service would have sent, newest first.</p>");
        List<Outbox.Sent> sent = outbox.latest(Math.clamp(limit, 1, 500));
        if (sent.isEmpty()) {
            body.append("<p>Nothing yet.</p>");
        }
        for (Outbox.Sent mail : sent) {
            body.append("<article><h2>").append(Html.escape(mail.subject())).append("</h2><p>To ")
                    .append(Html.escape(mail.to())).append(", ").append(mail.sentAt()).append("</p><pre>")
                    .append(Html.linked(mail.text())).append("</pre></article>");
        }
        return Html.page("Outbox", body.toString());
    }
}
