package uk.encounters.reporting.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import uk.encounters.contracts.encounter.EmployerSize;

/**
 * A hub's employer engagement in one academic year: the encounters its schools recorded that still stand (withdrawn
 * ones are left out; cancelled ones were never recorded), by the employer's sector and size. {@code attendances} sums
 * the encounters' registers as last corrected, so a pupil at three encounters counts three times: it measures reach
 * in attendances, not distinct pupils, and no pupil id is needed to say it.
 *
 * @param bySector by encounters, most first, then by sector name; a sector not recorded is {@value #NOT_RECORDED}
 * @param bySize   every size in the order of {@link EmployerSize}, those without encounters too
 */
public record EmployerEngagement(String hubId, String academicYear, Instant knownAt, int encounters, int attendances,
                                 List<SectorCount> bySector, List<SizeCount> bySize) {

    static final String NOT_RECORDED = "Not recorded";

    public EmployerEngagement {
        bySector = List.copyOf(bySector);
        bySize = List.copyOf(bySize);
    }

    public record SectorCount(String sector, int encounters, int attendances) {
    }

    public record SizeCount(EmployerSize size, int encounters, int attendances) {
    }

    /** One standing encounter as this report counts it; size null where the event did not say. */
    public record Counted(String sector, EmployerSize size, int attendances) {
    }

    public static EmployerEngagement of(String hubId, String academicYear, Instant knownAt, List<Counted> counted) {
        Map<String, int[]> sectors = new TreeMap<>();
        Map<EmployerSize, int[]> sizes = new EnumMap<>(EmployerSize.class);
        for (EmployerSize size : EmployerSize.values()) {
            sizes.put(size, new int[2]);
        }
        int attendances = 0;
        for (Counted encounter : counted) {
            add(sectors.computeIfAbsent(Objects.requireNonNullElse(encounter.sector(), NOT_RECORDED),
                    k -> new int[2]), encounter);
            if (encounter.size() != null) {
                add(sizes.get(encounter.size()), encounter);
            }
            attendances += encounter.attendances();
        }
        List<SectorCount> bySector = new ArrayList<>();
        sectors.forEach((sector, n) -> bySector.add(new SectorCount(sector, n[0], n[1])));
        bySector.sort(Comparator.comparingInt(SectorCount::encounters).reversed()
                .thenComparing(SectorCount::sector));
        List<SizeCount> bySize = new ArrayList<>();
        sizes.forEach((size, n) -> bySize.add(new SizeCount(size, n[0], n[1])));
        return new EmployerEngagement(hubId, academicYear, knownAt, counted.size(), attendances, bySector, bySize);
    }

    private static void add(int[] tally, Counted encounter) {
        tally[0]++;
        tally[1] += encounter.attendances();
    }
}
