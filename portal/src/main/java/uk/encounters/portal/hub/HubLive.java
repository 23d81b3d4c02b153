package uk.encounters.portal.hub;

import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.common.TopicPartition;
import org.springframework.http.MediaType;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.encounters.portal.web.Viewer;

/** The live stream of a coordinator's hub page: news of encounters at the hub's schools (server-sent events). */
@Controller
class HubLive {

    /** Shorter than the session's 30 idle minutes; the page's EventSource reconnects when a stream ends. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(20);

    private final HubReports reports;
    private final LiveFeed feed;
    private final KafkaMessageListenerContainer<String, String> encounters;

    HubLive(HubReports reports, LiveFeed feed, KafkaMessageListenerContainer<String, String> encounters) {
        this.reports = reports;
        this.feed = feed;
        this.encounters = encounters;
    }

    /**
     * Opens a stream. The hub's schools are read once, now, with the coordinator's token (the stream outlives no
     * request that could refresh it); a school joining the hub later shows up when the page is reloaded.
     */
    @GetMapping(path = "/hub/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(Viewer viewer) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        feed.subscribe(emitter, viewer.tenantId(), reports.schoolNames(viewer.tenantId()), listening());
        return emitter;
    }

    /** Kafka answers and the topic's partitions are this portal's: news can arrive. */
    private boolean listening() {
        Collection<TopicPartition> assigned = encounters.getAssignedPartitions();
        return encounters.isRunning() && assigned != null && !assigned.isEmpty();
    }
}
