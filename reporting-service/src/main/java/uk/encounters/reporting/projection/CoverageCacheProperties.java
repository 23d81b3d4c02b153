package uk.encounters.reporting.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code encounters.coverage.cache}: how much of the coverage query caches ({@link CoverageQueries})
 * the service keeps.
 * <p>
 * Sizes measured in {@code CoverageQueryBenchmark} for a school of 1,000 pupils: facts 0.9 MB, one report 55-70 KB. The
 * defaults take about 160 MB at most, within the run command's 512 MB heap, and hold a 40-school hub's facts twice over
 * and its reports for 25 pairs of clocks.
 *
 * @param schools how many schools' facts are kept (each school and version is one entry)
 * @param figures how many school reports are kept (one per school, version, {@code asOf} and {@code knownAt})
 */
@ConfigurationProperties("encounters.coverage.cache")
public record CoverageCacheProperties(@DefaultValue("100") int schools, @DefaultValue("1000") int figures) {

    public CoverageCacheProperties {
        if (schools < 0 || figures < 0) {
            throw new IllegalArgumentException("encounters.coverage.cache sizes cannot be negative");
        }
    }
}
