package uk.encounters.school.roll;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.school.institution.SchoolRegistered;

/**
 * Moves every roll into the academic year that has begun, so year groups advance and final-year pupils leave on
 * 1 September without anyone uploading. Runs every night, not only on 1 September: the command does nothing for a
 * roll already in the year, so a missed night, a roll created late in August, or a node that was down are all
 * caught up by the next run.
 * <p>
 * Per-pupil year advances are not published: consumers derive a pupil's year group in any year from the
 * (academic year, year group) they were given (DOMAIN.md), so 2,000 "moved up" events per school per year would
 * tell them nothing. Final-year leavers are published as PupilLeft, dated 31 August.
 */
@Component
public class AcademicYearRollover {

    private static final Logger log = LoggerFactory.getLogger(AcademicYearRollover.class);

    private final RollView view;
    private final RegisteredSchools schools;
    private final CommandGateway commands;
    private final Clock clock;

    AcademicYearRollover(RollView view, RegisteredSchools schools, CommandGateway commands, Clock clock) {
        this.view = view;
        this.schools = schools;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(cron = "${encounters.roll.rollover-cron:0 5 0 * * *}", zone = "Europe/London")
    void startAcademicYearIfDue() {
        startAcademicYearOn(LocalDate.now(clock.withZone(RollUploads.SCHOOL_ZONE)));
    }

    /**
     * Moves every roll behind the academic year containing {@code date} into it.
     *
     * @return how many rolls were moved on
     */
    public int startAcademicYearOn(LocalDate date) {
        String target = AcademicYears.containing(date);
        int moved = 0;
        for (Map.Entry<String, String> roll : view.rollsByAcademicYear().entrySet()) {
            if (AcademicYears.startYear(roll.getValue()) >= AcademicYears.startYear(target)) {
                continue;
            }
            String schoolId = roll.getKey();
            try {
                SchoolRegistered school = schools.get(schoolId);
                commands.sendAndWait(new StartAcademicYear(Roll.idOf(schoolId), schoolId, target,
                        new TreeSet<>(school.yearGroups())));
                moved++;
            } catch (RuntimeException e) {
                // One school's failure must not hold the others back; the next run tries it again.
                log.warn("Could not start {} for the roll of school {}: {}", target, schoolId, e.toString());
            }
        }
        if (moved > 0) {
            log.info("Started academic year {} for {} roll(s)", target, moved);
        }
        return moved;
    }
}
