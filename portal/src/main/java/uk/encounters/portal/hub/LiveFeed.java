package uk.encounters.portal.hub;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import uk.encounters.portal.web.Wording;

/**
 * The coordinators' open live streams (server-sent events), each with the schools of its hub as they were when it
 * opened. News of an encounter goes to the streams of that school's hub only: first a feed item ({@code encounter}),
 * then, a little later, a {@code refresh} that makes the page fetch its figures again. Streams end when the browser
 * goes, when they time out (the page's EventSource then reconnects) or when the portal stops.
 */
@Component
class LiveFeed implements DisposableBean {

    /** Proxies close a connection that says nothing for a minute or so; a comment line is enough to keep it. */
    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    /**
     * reporting-service's projection follows an event by up to a second (docs/benchmarks.md: freshness), so the
     * figures are asked for 2 s after news of an encounter, and once more 6 s later for a projection running behind;
     * news arriving meanwhile joins the refresh already planned, so a busy hub refreshes at most every 2 s.
     */
    static final Duration REFRESH_AFTER = Duration.ofSeconds(2);
    static final Duration SECOND_REFRESH_AFTER = Duration.ofSeconds(6);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK)
            .withZone(Wording.ENGLAND);
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hub-live-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final ITemplateEngine templates;

    LiveFeed(ITemplateEngine templates) {
        this.templates = templates;
        timer.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Starts sending a hub's news to a stream, after a first {@code live-status} event saying whether news can
     * arrive at all.
     *
     * @param schools the hub's school names by id
     */
    void subscribe(SseEmitter emitter, String hubId, Map<String, String> schools, boolean listening) {
        Subscriber subscriber = new Subscriber(hubId, Map.copyOf(schools), emitter, new AtomicBoolean());
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            subscribers.remove(subscriber);
            emitter.complete();
        });
        subscribers.add(subscriber);
        send(subscriber, SseEmitter.event().name("live-status").data(listening
                ? "Live: encounters recorded at your " + schools.size() + (schools.size() == 1 ? " school" : " schools")
                        + " appear here as they happen, and the figures above follow."
                : "Live updates are not available at the moment. Reload the page to see new encounters."));
    }

    /** News of one event to the streams whose hub has that school. */
    void publish(EncounterNews news) {
        for (Subscriber subscriber : subscribers) {
            String school = subscriber.schools().get(news.schoolId());
            if (school != null) {
                String item = render(news, school);
                if (send(subscriber, SseEmitter.event().name("encounter").data(item))) {
                    planRefresh(subscriber);
                }
            }
        }
    }

    int streams() {
        return subscribers.size();
    }

    private String render(EncounterNews news, String school) {
        Instant at = (news.occurredAt() == null ? Instant.now() : news.occurredAt()).truncatedTo(ChronoUnit.SECONDS);
        Context context = new Context(Locale.UK, Map.of("news", news, "school", school,
                "link", "/hub/schools/" + news.schoolId(), "time", TIME.format(at), "datetime", at.toString()));
        // One line: an event's data lines are joined with newlines again by the browser, but a blank one would end it.
        return templates.process("hub/live", Set.of("item"), context).replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private void planRefresh(Subscriber subscriber) {
        if (subscriber.refreshPlanned().compareAndSet(false, true)) {
            timer.schedule(() -> {
                subscriber.refreshPlanned().set(false);
                refresh(subscriber);
                timer.schedule(() -> refresh(subscriber), SECOND_REFRESH_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            }, REFRESH_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refresh(Subscriber subscriber) {
        if (subscribers.contains(subscriber)) {
            send(subscriber, SseEmitter.event().name("refresh").data("figures"));
        }
    }

    private void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            send(subscriber, SseEmitter.event().comment("still here"));
        }
    }

    /** False, and the stream forgotten, when the browser has gone. */
    private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            log.debug("A live stream of hub {} has closed: {}", subscriber.hubId(), gone.toString());
            return false;
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }

    /** Identity matters (a set of open streams), so equality is the object's own, not the record's. */
    private record Subscriber(String hubId, Map<String, String> schools, SseEmitter emitter,
                              AtomicBoolean refreshPlanned) {

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
