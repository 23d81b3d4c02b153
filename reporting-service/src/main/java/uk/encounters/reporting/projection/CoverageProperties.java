package uk.encounters.reporting.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code encounters.coverage}.
 *
 * @param consumerGroup  the start of the coverage consumer groups' names; each generation has its own group
 * @param checkInterval  how often the monitor looks at the generations: whether a build has caught up, which
 *                       consumers this instance should run, what to drop
 * @param dropAfter      how long a retired generation's collections stay after the switch, so that requests still
 *                       reading them finish and every instance has stopped writing them; longer than checkInterval
 * @param maxPollRecords the most events written in one batch
 */
@ConfigurationProperties("encounters.coverage")
record CoverageProperties(@DefaultValue("reporting-coverage") String consumerGroup,
                          @DefaultValue("2s") Duration checkInterval,
                          @DefaultValue("30s") Duration dropAfter,
                          @DefaultValue("1000") int maxPollRecords) {
}
