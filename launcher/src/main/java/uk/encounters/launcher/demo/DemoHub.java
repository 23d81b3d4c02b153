package uk.encounters.launcher.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.launcher.demo.DemoApi.Response;
import uk.encounters.launcher.demo.DemoApi.Service;
import uk.encounters.launcher.demo.ShoutOutPlan.Answer;
import uk.encounters.launcher.demo.ShoutOutPlan.OfferPlan;

/**
 * Loads a {@link DemoPlan} into a running platform through the public HTTP APIs only, as the hub's people would:
 * an administrator registers the hub and its schools, careers leaders upload rolls, record encounters and correct
 * them, post shout-outs and answer offers, employers register and offer.
 * <p>
 * Work for different schools runs on a small pool (the services, not this client, do the work, and they share the
 * machine); one school's requests go in order. Every id is the plan's, so a load interrupted part-way can simply be
 * run again: what exists answers 409 and is skipped.
 */
public final class DemoHub {

    /** Three requests in flight keep two cores busy without making the services queue. */
    public static final int DEFAULT_THREADS = 3;
    private static final Duration PROJECTION_PATIENCE = Duration.ofSeconds(120);

    private final DemoApi api;
    private final DemoTokens tokens;
    private final DemoPlan plan;
    private final int threads;
    private final PrintStream out;
    private final Map<String, Map<String, String>> pupilIds = new ConcurrentHashMap<>();
    private final Map<String, String> offerIds = new ConcurrentHashMap<>();
    private final AtomicInteger alreadyThere = new AtomicInteger();
    private final Map<String, Duration> phases = new LinkedHashMap<>();

    private DemoHub(DemoTarget target, DemoTokens tokens, DemoPlan plan, int threads, PrintStream out) {
        this.api = new DemoApi(target);
        this.tokens = tokens;
        this.plan = plan;
        this.threads = threads;
        this.out = out;
    }

    /** Loads the plan, printing progress to {@code out}; throws {@link DemoLoadException} on a refusal. */
    public static DemoHubReport load(DemoTarget target, DemoTokens tokens, DemoPlan plan, int threads,
                                     PrintStream out) {
        return new DemoHub(target, tokens, plan, threads, out).load();
    }

    private DemoHubReport load() {
        long started = System.nanoTime();
        out.printf("Loading the demo hub (%s, seed %d): %d schools, %,d pupils, %d employers, %,d encounters ...%n",
                plan.size().name(), plan.seed(), plan.schools().size(), plan.pupilCount(), plan.employers().size(),
                plan.encounters().size());
        phase("hub", () -> created(api.post(Service.SCHOOL, "/api/v1/hubs", tokens.admin(),
                Map.of("hubId", plan.hubId(), "name", plan.hubName())), "hub " + plan.hubId()));
        phase("employers", () -> inParallel("employers", plan.employers(), this::registerEmployer));
        phase("schools, rolls", () -> inParallel("schools, rolls", plan.schools(), this::registerSchool));
        phase("encounters", this::recordEncounters);
        phase("shout-outs", this::shoutOuts);
        phase("own activities", () -> inParallel("own activities", plan.ownActivities(), this::ownActivity));
        phase("reporting", this::awaitHubView);
        Map<String, Integer> byYear = new TreeMap<>();
        plan.encounters().forEach(e -> byYear.merge(e.academicYear(), 1, Integer::sum));
        int today = (int) (plan.shoutOuts().stream().filter(s -> s.deliveredToday() != null).count()
                + plan.ownActivities().stream().filter(a -> a.recordedToday() != null).count());
        byYear.merge(AcademicYears.containing(plan.today()), today, Integer::sum);
        return new DemoHubReport(plan.hubId(), plan.schools().size(), plan.pupilCount(), plan.employers().size(),
                plan.encounters().size() + today,
                plan.encounters().stream().mapToInt(e -> e.attendeeUpns().size()).sum(), byYear,
                count(e -> e.correction() != null), count(e -> e.override() != null),
                count(e -> e.withdrawalReason() != null), plan.shoutOuts().size(),
                plan.shoutOuts().stream().mapToInt(s -> s.offers().size()).sum(),
                (int) plan.shoutOuts().stream().filter(s -> s.offers().isEmpty()).count(),
                plan.ownActivities().size(), alreadyThere.get(), Duration.ofNanos(System.nanoTime() - started),
                phases);
    }

    private String careersLeader(String schoolId) {
        return tokens.careersLeader(plan.hubId(), schoolId);
    }

    private String employerUser(String employerId) {
        return tokens.employer(employerId);
    }

    /** The plan names employers; the platform knows them by the ids their accounts were given. */
    private String employerId(String planned) {
        return tokens.employerId(planned);
    }

    private String coordinator() {
        return tokens.hubCoordinator(plan.hubId());
    }

    private void registerEmployer(EmployerPlan employer) {
        created(api.post(Service.ENCOUNTER, "/api/v1/employers", employerUser(employer.employerId()), Map.of(
                "employerId", employerId(employer.employerId()), "name", employer.name(), "sector", employer.sector(),
                "size", employer.size().name(), "postcode", employer.postcode())), "employer " + employer.employerId());
    }

    private void registerSchool(SchoolPlan school) {
        boolean fresh = created(api.post(Service.SCHOOL, "/api/v1/schools", tokens.admin(), Map.of("schoolId",
                school.schoolId(), "urn", school.urn(), "name", school.name(), "type", school.type().name(),
                "hubId", plan.hubId(), "yearGroups", school.yearGroups())), "school " + school.schoolId());
        // Oldest first: a new roll may start in a past year, and then only moves forward, as a school brings its
        // history from its MIS when it joins. Pupil ids are read from each year's roll as it is uploaded.
        Map<String, String> ids = new HashMap<>();
        for (int startYear : plan.rollYears()) {
            String year = AcademicYears.of(startYear);
            Response roll = api.putCsv(Service.SCHOOL, "/api/v1/schools/" + school.schoolId() + "/roll?academicYear="
                    + year.replace('/', '-'), careersLeader(school.schoolId()), school.rollCsv(startYear));
            if (!fresh && roll.status() == 422 && startYear < school.currentStart()) {
                alreadyThere.incrementAndGet(); // a resumed load: the roll has moved on past this year already
            } else {
                require(roll, 200, year + " roll upload for " + school.schoolId());
            }
            Set<String> wanted = new HashSet<>();
            school.roll(startYear).forEach(p -> wanted.add(p.upn()));
            // The roll's read model follows the upload by a moment.
            awaitProjection("the " + year + " roll of " + school.schoolId(), () -> {
                Response pupils = api.get(Service.SCHOOL, "/api/v1/schools/" + school.schoolId()
                        + "/pupils?includeLeavers=true&academicYear=" + year.replace('/', '-'),
                        careersLeader(school.schoolId()));
                require(pupils, 200, "pupils of " + school.schoolId());
                Set<String> seen = new HashSet<>();
                for (JsonNode pupil : pupils.body()) {
                    ids.put(pupil.get("upn").asString(), pupil.get("pupilId").asString());
                    seen.add(pupil.get("upn").asString());
                }
                return seen.containsAll(wanted);
            });
        }
        pupilIds.put(school.schoolId(), ids);
    }

    private void recordEncounters() {
        Map<String, List<EncounterPlan>> bySchool = new LinkedHashMap<>();
        plan.encounters().forEach(e -> bySchool.computeIfAbsent(e.schoolId(), k -> new ArrayList<>()).add(e));
        Progress progress = new Progress("encounters", plan.encounters().size(), out);
        inParallel(List.copyOf(bySchool.values()), encounters -> encounters.forEach(encounter -> {
            record(encounter, null, null);
            progress.step();
        }));
        progress.finish();
    }

    /** Records the encounter, then its corrections, as the careers leader did afterwards. */
    private void record(EncounterPlan e, String shoutOutId, String offerId) {
        Map<String, String> ids = pupilIds.get(e.schoolId());
        Map<String, Object> body = new LinkedHashMap<>();
        if (offerId == null) {
            body.put("encounterId", e.encounterId());
        }
        body.put("schoolId", e.schoolId());
        body.put("employerId", employerId(e.employerId()));
        putIfSet(body, "shoutOutId", shoutOutId);
        putIfSet(body, "offerId", offerId);
        body.put("activityType", e.activityType().name());
        body.put("benchmarks", e.benchmarks().stream().map(Enum::name).toList());
        body.put("date", e.date().toString());
        body.put("hours", e.hours());
        body.put("mode", e.mode().name());
        putIfSet(body, "location", e.location());
        putIfSet(body, "curriculumArea", e.curriculumArea());
        body.put("attendees", e.attendeeUpns().stream().map(ids::get).toList());
        body.put("checklist", e.checklist());
        String leader = careersLeader(e.schoolId());
        Response response = api.postRetrying(Service.ENCOUNTER, "/api/v1/encounters", leader, body);
        if (!created(response, "encounter " + (offerId == null ? e.encounterId() : "for offer " + offerId))) {
            return; // recorded by an earlier, interrupted load; its corrections went with it
        }
        String id = response.body().get("encounterId").asString();
        if (e.correction() != null) {
            require(api.putRetrying(Service.ENCOUNTER, "/api/v1/encounters/" + id + "/attendees", leader, Map.of(
                    "attendees", e.correction().attendeeUpns().stream().map(ids::get).toList(),
                    "reason", e.correction().reason())), 200, "register correction of " + id);
        }
        if (e.override() != null) {
            require(api.post(Service.ENCOUNTER, "/api/v1/encounters/" + id + "/meaningful-override", leader, Map.of(
                    "benchmark", e.override().benchmark().name(), "meaningful", e.override().meaningful(),
                    "reason", e.override().reason())), 200, "override of " + id);
        }
        if (e.withdrawalReason() != null) {
            require(api.post(Service.ENCOUNTER, "/api/v1/encounters/" + id + "/withdraw", leader,
                    Map.of("reason", e.withdrawalReason())), 200, "withdrawal of " + id);
        }
    }

    /**
     * Shout-outs travel school-service to encounter-service's board (offers need them there), offers travel back to
     * the school's view (answers need them there), so this goes in steps with a wait for each projection between.
     */
    private void shoutOuts() {
        inParallel("shout-outs", plan.shoutOuts(), s -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("shoutOutId", s.shoutOutId());
            body.put("title", s.title());
            body.put("description", s.description());
            body.put("activityType", s.activityType().name());
            body.put("sectors", s.sectors());
            body.put("yearGroups", s.yearGroups());
            body.put("places", s.places());
            body.put("startDate", s.startDate().toString());
            body.put("endDate", s.endDate().toString());
            body.put("mode", s.mode().name());
            body.put("location", s.location());
            created(api.post(Service.SCHOOL, "/api/v1/schools/" + s.schoolId() + "/shout-outs",
                    careersLeader(s.schoolId()), body), "shout-out " + s.shoutOutId());
        });
        List<ShoutOutPlan> offered = plan.shoutOuts().stream().filter(s -> !s.offers().isEmpty()).toList();
        awaitOnBoard(offered);
        List<Map.Entry<ShoutOutPlan, OfferPlan>> offers = new ArrayList<>();
        offered.forEach(s -> s.offers().forEach(o -> offers.add(Map.entry(s, o))));
        inParallel("offers", offers, entry -> {
            OfferPlan offer = entry.getValue();
            Response response = api.post(Service.ENCOUNTER, "/api/v1/shout-outs/" + entry.getKey().shoutOutId()
                    + "/offers", employerUser(offer.employerId()), Map.of("employerId", employerId(offer.employerId()),
                    "proposedDate", offer.proposedDate().toString(), "message", offer.message()));
            created(response, "offer on " + entry.getKey().shoutOutId());
        });
        awaitOffersAtSchools(offered);
        inParallel("answers", plan.shoutOuts().stream()
                .filter(s -> !s.offers().isEmpty() || s.withdrawalReason() != null).toList(), this::answer);
    }

    private void answer(ShoutOutPlan s) {
        String leader = careersLeader(s.schoolId());
        // Declines first: accepting fills the shout-out, which declines whatever is still pending by itself.
        for (OfferPlan offer : s.offers()) {
            if (offer.answer() == Answer.DECLINE) {
                answered(api.post(Service.SCHOOL, "/api/v1/shout-outs/" + s.shoutOutId() + "/offers/"
                        + offerId(s, offer) + "/decline", leader, Map.of("reason", offer.declineReason())), "decline");
            }
        }
        for (OfferPlan offer : s.offers()) {
            if (offer.answer() == Answer.ACCEPT) {
                answered(api.post(Service.SCHOOL, "/api/v1/shout-outs/" + s.shoutOutId() + "/offers/"
                        + offerId(s, offer) + "/accept", leader, Map.of()), "accept");
            }
        }
        if (s.withdrawalReason() != null) {
            answered(api.post(Service.SCHOOL, "/api/v1/shout-outs/" + s.shoutOutId() + "/withdraw", leader,
                    Map.of("reason", s.withdrawalReason())), "withdrawal");
        }
        if (s.deliveredToday() != null) {
            OfferPlan accepted = s.offers().stream().filter(o -> o.answer() == Answer.ACCEPT).findFirst()
                    .orElseThrow();
            record(s.deliveredToday(), s.shoutOutId(), offerId(s, accepted));
        }
    }

    private String offerId(ShoutOutPlan s, OfferPlan offer) {
        return offerIds.get(s.shoutOutId() + "|" + employerId(offer.employerId()));
    }

    private void ownActivity(OwnActivityPlan activity) {
        // A chosen offer id is in the employer's namespace (encounter-service): its real id, a colon, the plan's key.
        String offerId = employerId(activity.employerId()) + ":" + activity.offerId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offerId", offerId);
        body.put("employerId", employerId(activity.employerId()));
        body.put("activityType", activity.activityType().name());
        body.put("title", activity.title());
        body.put("date", activity.date().toString());
        body.put("places", activity.places());
        body.put("mode", activity.mode().name());
        created(api.post(Service.ENCOUNTER, "/api/v1/offers", employerUser(activity.employerId()), body),
                "own activity " + offerId);
        if (activity.recordedToday() != null) {
            record(activity.recordedToday(), null, offerId);
        }
    }

    /** The board is encounter-service's projection of school-service's events: wait until it has them all. */
    private void awaitOnBoard(List<ShoutOutPlan> shoutOuts) {
        Set<String> wanted = new HashSet<>();
        shoutOuts.forEach(s -> wanted.add(s.shoutOutId()));
        awaitProjection("the employers' board", () -> {
            Set<String> missing = new HashSet<>(wanted);
            // Every status, not only OPEN: a resumed load finds some filled or withdrawn by the earlier one.
            for (String status : List.of("OPEN", "FILLED", "WITHDRAWN", "EXPIRED")) {
                Response board = api.get(Service.ENCOUNTER, "/api/v1/shout-outs?status=" + status, coordinator());
                require(board, 200, "the board");
                board.body().forEach(entry -> missing.remove(entry.get("shoutOutId").asString()));
            }
            return missing.isEmpty();
        });
    }

    /** Offers reach the school's view through Kafka; their ids are read there (the service derives them). */
    private void awaitOffersAtSchools(List<ShoutOutPlan> shoutOuts) {
        Set<String> schools = new HashSet<>();
        shoutOuts.forEach(s -> schools.add(s.schoolId()));
        awaitProjection("offers at the schools", () -> {
            for (String schoolId : schools) {
                Response view = api.get(Service.SCHOOL, "/api/v1/schools/" + schoolId + "/shout-outs",
                        careersLeader(schoolId));
                require(view, 200, "shout-outs of " + schoolId);
                for (JsonNode s : view.body()) {
                    for (JsonNode offer : s.path("offers")) {
                        offerIds.put(s.get("shoutOutId").asString() + "|" + offer.get("employerId").asString(),
                                offer.get("offerId").asString());
                    }
                }
            }
            return shoutOuts.stream().allMatch(s -> s.offers().stream().allMatch(o -> offerId(s, o) != null));
        });
    }

    /** Unmet demand as the hub coordinator sees it, once reporting has read the shout-outs and offers. */
    private void awaitHubView() {
        long open = plan.shoutOuts().stream().filter(s -> s.withdrawalReason() == null
                && s.offers().stream().noneMatch(o -> o.answer() == Answer.ACCEPT)).count();
        awaitProjection("the hub's unmet demand in reporting", () -> {
            Response view = api.get(Service.REPORTING, "/api/v1/hubs/" + plan.hubId() + "/shout-outs?status=OPEN",
                    coordinator());
            require(view, 200, "the hub's shout-outs");
            return view.body().size() >= open;
        });
    }

    private void awaitProjection(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PROJECTION_PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new DemoLoadException("Gave up waiting for " + what + " after " + PROJECTION_PATIENCE
                        + "; see the services' logs");
            }
            DemoApi.sleep(Duration.ofMillis(500));
        }
    }

    private <T> void inParallel(String label, List<T> items, Consumer<T> work) {
        Progress progress = new Progress(label, items.size(), out);
        inParallel(items, item -> {
            work.accept(item);
            progress.step();
        });
        progress.finish();
    }

    /** Runs the work for each item on the pool and fails with the first failure, after stopping the rest. */
    private <T> void inParallel(List<T> items, Consumer<T> work) {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<?>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(pool.submit(() -> work.accept(item))));
            try {
                for (Future<?> future : futures) {
                    future.get();
                }
            } catch (ExecutionException e) {
                pool.shutdownNow();
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new DemoLoadException(e.getCause().toString(), e.getCause());
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new DemoLoadException("Interrupted", e);
            }
        }
    }

    private void phase(String name, Runnable work) {
        long started = System.nanoTime();
        work.run();
        phases.put(name, Duration.ofNanos(System.nanoTime() - started));
    }

    /** True when created now; false when it was there already (409: a resumed load). */
    private boolean created(Response response, String what) {
        if (response.status() == 201) {
            return true;
        }
        if (response.status() == 409 && (response.body() == null || !response.body().path("retryable").asBoolean())) {
            alreadyThere.incrementAndGet();
            return false;
        }
        throw refused(response, what);
    }

    /** A 409 means the answer was given already (a resumed load); anything else but 200 is a failure. */
    private void answered(Response response, String what) {
        if (response.status() == 409) {
            alreadyThere.incrementAndGet();
        } else {
            require(response, 200, what);
        }
    }

    private static void require(Response response, int status, String what) {
        if (response.status() != status) {
            throw refused(response, what);
        }
    }

    private static DemoLoadException refused(Response response, String what) {
        return new DemoLoadException(what + ": HTTP " + response.status() + " " + abbreviated(response.detail()));
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    private int count(Predicate<EncounterPlan> test) {
        return (int) plan.encounters().stream().filter(test).count();
    }

    private static void putIfSet(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
