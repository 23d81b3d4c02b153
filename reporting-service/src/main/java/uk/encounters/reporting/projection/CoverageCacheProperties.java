package uk.encounters.reporting.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code encounters.coverage.cache}: how much of the coverage query caches ({@link CoverageQueries})
 * the service keeps.
 *
 * @param schools how many schools' facts are kept; about 1 MB each for a school of 1,000 pupils
 * @param figures how many school reports (one per school and pair of clocks) are kept; at most tens of KB each
 */
@ConfigurationProperties("encounters.coverage.cache")
public record CoverageCacheProperties(@DefaultValue("160") int schools, @DefaultValue("2000") int figures) {

    public CoverageCacheProperties {
        if (schools < 0 || figures < 0) {
            throw new IllegalArgumentException("encounters.coverage.cache sizes cannot be negative");
        }
    }
}
