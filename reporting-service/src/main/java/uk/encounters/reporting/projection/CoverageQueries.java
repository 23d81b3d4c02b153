package uk.encounters.reporting.projection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.types.ObjectId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import uk.encounters.reporting.coverage.Coverage;
import uk.encounters.reporting.coverage.EmployerEngagement;
import uk.encounters.reporting.coverage.EncounterChecklist;
import uk.encounters.reporting.coverage.Facts;
import uk.encounters.reporting.coverage.HubCoverage;
import uk.encounters.reporting.coverage.HubTrend;
import uk.encounters.reporting.coverage.Measure;
import uk.encounters.reporting.coverage.PupilCoverage;
import uk.encounters.reporting.coverage.PupilEvidence;
import uk.encounters.reporting.coverage.SchoolCoverage;
import uk.encounters.reporting.coverage.SchoolSummary;

/**
 * Coverage reports, cached one school at a time and never stale. Each school's figures depend only on that school's
 * facts ({@link Coverage#hub(String, LocalDate, Instant, List)}), so a hub report is its schools' lines put together,
 * and each school's entries are keyed by the school's version ({@link SchoolVersions}), which every write that could
 * change its figures replaces. A request reads the versions first (one small find) and then takes what it can from the
 * caches: a school's figures for the same clocks, else its facts folded from the store, else a load. What is cached
 * under a version is therefore at least as new as that version, and once a write has replaced it nobody asks for the
 * old entries again; they age out. Two caches, both bounded:
 * <ul>
 * <li>facts per school and version, so a new {@code asOf} or {@code knownAt} costs the engine, not a load;</li>
 * <li>figures per school, version, {@code asOf} and {@code knownAt}, so a repeated report (today's, or a census
 * date's) costs two small reads.</li>
 * </ul>
 * A hub's trend is a report per month end through the same caches, a school missing from them put through the engine
 * once for all the dates. Employer engagement reads the cached facts only. Pupil reports and checklists load a few
 * documents each and are not cached.
 */
@Component
@EnableConfigurationProperties(CoverageCacheProperties.class)
public class CoverageQueries {

    private final CoverageStore store;
    private final Cache<SchoolVersion, Facts> facts;
    private final Cache<FiguresKey, Figures> figures;

    CoverageQueries(CoverageStore store, CoverageCacheProperties properties, MeterRegistry meters) {
        this.store = store;
        this.facts = Caffeine.newBuilder().maximumSize(properties.schools()).recordStats().build();
        this.figures = Caffeine.newBuilder().maximumSize(properties.figures()).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, facts, "coverage.facts");
        CaffeineCacheMetrics.monitor(meters, figures, "coverage.figures");
    }

    /** Empty when no school was ever registered in or moved through the hub. */
    public Optional<HubCoverage> hub(String hubId, LocalDate asOf, Instant knownAt) {
        return hub(hubId, List.of(asOf), knownAt).map(List::getFirst);
    }

    /**
     * The hub's reports on each date, equal to asking {@link #hub(String, LocalDate, Instant)} date by date; a
     * school whose figures are not cached is put through the engine once for all dates (its ledger does not depend
     * on the date). Empty when no school was ever registered in or moved through the hub.
     */
    public Optional<List<HubCoverage>> hub(String hubId, List<LocalDate> asOfs, Instant knownAt) {
        return store.schoolsOfHub(hubId).map(schoolIds -> {
            Map<String, ObjectId> versions = store.versions(schoolIds);
            List<List<SchoolSummary>> lines = new ArrayList<>();
            asOfs.forEach(asOf -> lines.add(new ArrayList<>()));
            for (String schoolId : schoolIds) {
                ObjectId version = versions.get(schoolId);
                Supplier<Coverage> engine = engine(schoolId, version, knownAt);
                for (int i = 0; i < asOfs.size(); i++) {
                    Figures school = figures(schoolId, version, asOfs.get(i), knownAt, engine);
                    if (school.coverage() != null && hubId.equals(school.hubId())) {
                        lines.get(i).add(school.coverage().summary());
                    }
                }
            }
            List<HubCoverage> reports = new ArrayList<>(asOfs.size());
            for (int i = 0; i < asOfs.size(); i++) {
                reports.add(Coverage.hub(hubId, asOfs.get(i), knownAt, lines.get(i)));
            }
            return reports;
        });
    }

    /** The hub's coverage at the end of each month of the year up to {@code lastDate} ({@link HubTrend#dates}). */
    public Optional<HubTrend> trend(String hubId, String academicYear, LocalDate lastDate, Instant knownAt) {
        return hub(hubId, HubTrend.dates(academicYear, lastDate), knownAt)
                .map(reports -> HubTrend.of(hubId, academicYear, knownAt, reports));
    }

    /**
     * The standing encounters of the hub's schools in the academic year by employer sector and size; a school counts
     * for the hub it is in at {@code knownAt}, as in the hub's coverage. Empty as {@link #hub} is.
     */
    public Optional<EmployerEngagement> engagement(String hubId, String academicYear, Instant knownAt) {
        return store.schoolsOfHub(hubId).map(schoolIds -> {
            Map<String, ObjectId> versions = store.versions(schoolIds);
            List<EmployerEngagement.Counted> counted = new ArrayList<>();
            for (String schoolId : schoolIds) {
                // No pupil is needed here, and their rolls are most of a ledger's work (HubFiguresBenchmark: 44 ms
                // warm for a 40-school hub with them, 22 without).
                Coverage coverage = Coverage.of(facts(schoolId, versions.get(schoolId)).withoutPupils(), knownAt);
                if (coverage.hubOf(schoolId).filter(hubId::equals).isPresent()) {
                    counted.addAll(coverage.engagement(schoolId, academicYear));
                }
            }
            return EmployerEngagement.of(hubId, academicYear, knownAt, counted);
        });
    }

    /** Empty when the school's registration is not known (at {@code knownAt}). */
    public Optional<SchoolCoverage> school(String schoolId, LocalDate asOf, Instant knownAt) {
        ObjectId version = version(schoolId);
        return Optional.ofNullable(figures(schoolId, version, asOf, knownAt, engine(schoolId, version, knownAt))
                .coverage());
    }

    /** The pupils behind a school's figure and their encounters; empty when the school is not known. */
    public Optional<List<PupilEvidence>> evidence(String schoolId, Measure measure, Integer yearGroup, LocalDate asOf,
                                                  Instant knownAt) {
        ObjectId version = version(schoolId);
        Supplier<Coverage> engine = engine(schoolId, version, knownAt);
        if (figures(schoolId, version, asOf, knownAt, engine).coverage() == null) {
            return Optional.empty();
        }
        return Optional.of(engine.get().evidence(schoolId, measure, yearGroup, asOf));
    }

    public Optional<PupilCoverage> pupil(String pupilId, LocalDate asOf, Instant knownAt) {
        return Coverage.of(store.pupil(pupilId), knownAt).pupil(pupilId, asOf);
    }

    public Optional<EncounterChecklist> checklist(String encounterId, Instant knownAt) {
        return Coverage.of(store.encounter(encounterId), knownAt).checklist(encounterId);
    }

    /** How often each cache answered, for tests and the metrics endpoint. */
    CacheCounts counts() {
        return new CacheCounts(facts.stats().hitCount(), facts.stats().missCount(), figures.stats().hitCount(),
                figures.stats().missCount());
    }

    record CacheCounts(long factsHits, long factsMisses, long figuresHits, long figuresMisses) {
    }

    private ObjectId version(String schoolId) {
        return store.versions(List.of(schoolId)).get(schoolId);
    }

    /** A school without a version has no document yet (or one from before versions): always computed afresh. */
    private Figures figures(String schoolId, ObjectId version, LocalDate asOf, Instant knownAt,
                            Supplier<Coverage> engine) {
        if (version == null) {
            return Figures.of(schoolId, engine.get(), asOf);
        }
        return figures.get(new FiguresKey(schoolId, version, asOf, knownAt),
                key -> Figures.of(schoolId, engine.get(), asOf));
    }

    /** The engine over the school's facts, built on first use and then kept for the rest of the request. */
    private Supplier<Coverage> engine(String schoolId, ObjectId version, Instant knownAt) {
        Coverage[] built = new Coverage[1];
        return () -> {
            if (built[0] == null) {
                built[0] = Coverage.of(facts(schoolId, version), knownAt);
            }
            return built[0];
        };
    }

    private Facts facts(String schoolId, ObjectId version) {
        if (version == null) {
            return store.school(schoolId);
        }
        return facts.get(new SchoolVersion(schoolId, version), key -> store.school(schoolId));
    }

    private record SchoolVersion(String schoolId, ObjectId version) {
    }

    private record FiguresKey(String schoolId, ObjectId version, LocalDate asOf, Instant knownAt) {
    }

    /**
     * A school's figures on some clocks and the hub it was in at {@code knownAt}; both null when its registration
     * was not known then (such a school is in no hub's report and its own report is a 404).
     */
    private record Figures(String hubId, SchoolCoverage coverage) {

        static Figures of(String schoolId, Coverage coverage, LocalDate asOf) {
            return new Figures(coverage.hubOf(schoolId).orElse(null), coverage.school(schoolId, asOf).orElse(null));
        }
    }
}
