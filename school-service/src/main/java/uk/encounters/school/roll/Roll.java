package uk.encounters.school.roll;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.platform.web.ProblemException.FieldError;

/**
 * A school's pupil roll: which pupils are on it, in which year group, with the attributes coverage breakdowns need.
 * <p>
 * Why one aggregate per school rather than one per pupil: an upload is the whole roll, so "who has left" is a
 * question about the set, and the answer must be applied all at once or not at all. One aggregate makes the whole
 * reconciliation one unit of work, which our event store commits as one document; per-pupil aggregates would need
 * a saga and could leave half an upload applied. The cost is a large stream for a large school, which snapshots
 * (see {@link RollConfiguration}) keep cheap to load, and one upload at a time per school, which is how schools work.
 * <p>
 * It holds no personal data: pupils are opaque ids, matched to UPNs by {@link PupilRecords} before the command is
 * sent. The school's taught year groups come in each command from its registration, so the roll follows the school
 * if that ever changes. Field visibility is for Jackson, which writes the snapshots.
 */
@Aggregate(snapshotTriggerDefinition = RollConfiguration.SNAPSHOT_TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Roll {

    /** How many academic years before the current one a new roll's first upload may be for. */
    static final int HISTORY_YEARS = 6;

    @AggregateIdentifier
    private String rollId;
    private String schoolId;
    private String academicYear;
    /** Sorted so that events about pupils missing from a file come out in the same order on every node. */
    private TreeMap<String, Pupil> pupils = new TreeMap<>();

    protected Roll() {
        // for Axon
    }

    static String idOf(String schoolId) {
        return "roll-" + schoolId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RollReconciled handle(UploadRoll command) {
        int target = startYearOf(command.academicYear());
        refuseYearNotOpen(academicYear, target, command.uploadedOn());
        rejectUntaughtYearGroups(command);
        if (command.entries().isEmpty()) {
            throw ProblemException.unprocessable("file", "A roll upload needs at least one pupil.");
        }
        if (academicYear == null) {
            apply(new AcademicYearStarted(command.schoolId(), command.academicYear(), null));
        } else {
            moveOnTo(target, command.taughtYearGroups());
        }
        return reconcile(command, leavingDateOfMissing(target, command.uploadedOn()));
    }

    /**
     * A pupil missing from a past year's roll was not on it: they left on the last day of the year before. Missing
     * from this year's or next year's roll, they leave on the day of the upload, which is all the school tells us.
     */
    private static LocalDate leavingDateOfMissing(int target, LocalDate uploadedOn) {
        int current = AcademicYears.startYear(AcademicYears.containing(uploadedOn));
        return target < current ? AcademicYears.lastDay(AcademicYears.of(target - 1)) : uploadedOn;
    }

    @CommandHandler
    void handle(StartAcademicYear command) {
        moveOnTo(startYearOf(command.academicYear()), command.taughtYearGroups());
    }

    /**
     * Which academic years a roll may be uploaded for. A new roll (nothing uploaded yet) may start up to
     * {@link #HISTORY_YEARS} years back, so a school joining mid-year brings its history; after that the roll only
     * goes forward, from its own year, so a past year is never rewritten under figures already reported. Never
     * beyond next year.
     *
     * @param rollYear the year the roll is in, or null while it is new
     */
    static void refuseYearNotOpen(String rollYear, int target, LocalDate today) {
        int current = AcademicYears.startYear(AcademicYears.containing(today));
        int earliest = rollYear == null ? current - HISTORY_YEARS : AcademicYears.startYear(rollYear);
        int latest = current + 1;
        if (target >= earliest && target <= latest) {
            return;
        }
        String open = earliest == latest ? AcademicYears.of(latest)
                : earliest + 1 == latest ? AcademicYears.of(earliest) + " or " + AcademicYears.of(latest)
                : "any year from " + AcademicYears.of(earliest) + " to " + AcademicYears.of(latest);
        String why;
        if (target > latest) {
            why = "Rolls can be uploaded up to the next academic year, " + AcademicYears.of(latest) + ".";
        } else if (rollYear == null) {
            why = "History goes back to " + AcademicYears.of(earliest) + ", " + HISTORY_YEARS
                    + " years before this one.";
        } else {
            why = "This school's roll has started and is in " + rollYear + "; it only moves forward.";
        }
        throw ProblemException.unprocessable("academicYear", why + " Upload the roll of " + open + ".");
    }

    private static int startYearOf(String academicYear) {
        try {
            return AcademicYears.startYear(academicYear);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("academicYear", "Write the academic year like 2026/27.");
        }
    }

    private static void rejectUntaughtYearGroups(UploadRoll command) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RollEntry entry : command.entries()) {
            if (!seen.add(entry.pupilId())) {
                throw new IllegalArgumentException("Pupil " + entry.pupilId() + " is in the upload twice");
            }
            if (!command.taughtYearGroups().contains(entry.yearGroup())) {
                errors.add(new FieldError("line " + entry.line() + ": YearGroup", "This school does not teach Year "
                        + entry.yearGroup() + "; it teaches Years " + command.taughtYearGroups().first() + " to "
                        + command.taughtYearGroups().last() + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The roll has pupils in year groups the school does not teach.",
                    errors);
        }
    }

    /**
     * One academic year at a time: the final year group leaves on 31 August, then everyone else moves up. A roll
     * nobody touched for two years moves on twice, so every year's leavers are recorded.
     */
    private void moveOnTo(int targetStartYear, SortedSet<Integer> taughtYearGroups) {
        int finalYearGroup = taughtYearGroups.isEmpty() ? 13 : taughtYearGroups.last();
        while (AcademicYears.startYear(academicYear) < targetStartYear) {
            String previous = academicYear;
            LocalDate lastDay = AcademicYears.lastDay(previous);
            List<String> leavers = pupils.entrySet().stream()
                    .filter(e -> e.getValue().isOnRoll() && e.getValue().yearGroup() >= finalYearGroup)
                    .map(Map.Entry::getKey)
                    .toList();
            for (String pupilId : leavers) {
                apply(new PupilLeft(schoolId, pupilId, previous, lastDay));
            }
            apply(new AcademicYearStarted(schoolId, AcademicYears.of(AcademicYears.startYear(previous) + 1),
                    previous));
        }
    }

    private RollReconciled reconcile(UploadRoll command, LocalDate missingLeaveOn) {
        int enrolled = 0;
        int left = 0;
        int changed = 0;
        int unchanged = 0;
        Set<String> inFile = new HashSet<>();
        for (RollEntry entry : command.entries()) {
            inFile.add(entry.pupilId());
            Pupil known = pupils.get(entry.pupilId());
            if (known == null || (!known.isOnRoll() && entry.leavingDate() == null)) {
                apply(new PupilEnrolled(schoolId, entry.pupilId(), academicYear, entry.yearGroup(),
                        entry.admissionDate(), entry.sen(), entry.pupilPremium(), entry.gender(),
                        entry.curriculumArea()));
                enrolled++;
                if (known != null && entry.identityCorrected()) {
                    apply(new PupilIdentityCorrected(schoolId, entry.pupilId()));
                }
                if (entry.leavingDate() != null) {
                    apply(new PupilLeft(schoolId, entry.pupilId(), academicYear, entry.leavingDate()));
                    left++;
                }
                continue;
            }
            boolean detailsChanged = !known.hasSameDetailsAs(entry);
            if (detailsChanged) {
                apply(new PupilDetailsChanged(schoolId, entry.pupilId(), academicYear, entry.yearGroup(),
                        entry.admissionDate(), entry.sen(), entry.pupilPremium(), entry.gender(),
                        entry.curriculumArea()));
            }
            if (entry.identityCorrected()) {
                apply(new PupilIdentityCorrected(schoolId, entry.pupilId()));
            }
            boolean leaves = entry.leavingDate() != null && !entry.leavingDate().equals(known.leavingDate());
            if (leaves) {
                apply(new PupilLeft(schoolId, entry.pupilId(), academicYear, entry.leavingDate()));
                left++;
            }
            if (detailsChanged || entry.identityCorrected()) {
                changed++;
            } else if (!leaves) {
                unchanged++;
            }
        }
        List<String> missing = pupils.entrySet().stream()
                .filter(e -> e.getValue().isOnRoll() && !inFile.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        for (String pupilId : missing) {
            // Never before the admission: a stay ending before it began would be no stay at all to the consumers,
            // leaving the one they know open (a past year uploaded twice, the second time without a joiner).
            LocalDate admitted = pupils.get(pupilId).admissionDate();
            LocalDate leaving = admitted != null && admitted.isAfter(missingLeaveOn) ? admitted : missingLeaveOn;
            apply(new PupilLeft(schoolId, pupilId, academicYear, leaving));
            left++;
        }
        return new RollReconciled(enrolled, left, changed, unchanged);
    }

    @EventSourcingHandler
    void on(AcademicYearStarted event) {
        rollId = idOf(event.schoolId());
        schoolId = event.schoolId();
        if (event.previousAcademicYear() != null) {
            LocalDate endOfPrevious = AcademicYears.lastDay(event.previousAcademicYear());
            TreeMap<String, Pupil> movedUp = new TreeMap<>();
            pupils.forEach((pupilId, pupil) -> {
                if (pupil.leavingDate() == null || pupil.leavingDate().isAfter(endOfPrevious)) {
                    movedUp.put(pupilId, pupil.movedUp());
                }
            });
            pupils = movedUp;
        }
        academicYear = event.academicYear();
    }

    @EventSourcingHandler
    void on(PupilEnrolled event) {
        pupils.put(event.pupilId(), new Pupil(event.yearGroup(), event.admissionDate(), event.sen(),
                event.pupilPremium(), event.gender(), event.curriculumArea(), null));
    }

    @EventSourcingHandler
    void on(PupilDetailsChanged event) {
        Pupil before = pupils.get(event.pupilId());
        pupils.put(event.pupilId(), new Pupil(event.yearGroup(), event.admissionDate(), event.sen(),
                event.pupilPremium(), event.gender(), event.curriculumArea(),
                before == null ? null : before.leavingDate()));
    }

    @EventSourcingHandler
    void on(PupilLeft event) {
        pupils.computeIfPresent(event.pupilId(), (id, pupil) -> pupil.leaving(event.leavingDate()));
    }

    /** Pupils on roll and their year groups, in id order: for tests. */
    Map<String, Integer> yearGroupsOnRoll() {
        Map<String, Integer> years = new java.util.LinkedHashMap<>();
        pupils.forEach((id, pupil) -> {
            if (pupil.isOnRoll()) {
                years.put(id, pupil.yearGroup());
            }
        });
        return years;
    }

    /**
     * What the roll knows of a pupil. A pupil with a leaving date has left (as recorded); leavers are forgotten when
     * the next academic year starts, and one who comes back later simply enrols again under the same id.
     */
    record Pupil(int yearGroup, LocalDate admissionDate, Sen sen, boolean pupilPremium, Gender gender,
                 String curriculumArea, LocalDate leavingDate) {

        boolean isOnRoll() {
            return leavingDate == null;
        }

        boolean hasSameDetailsAs(RollEntry entry) {
            return yearGroup == entry.yearGroup() && sen == entry.sen() && pupilPremium == entry.pupilPremium()
                    && gender == entry.gender() && Objects.equals(curriculumArea, entry.curriculumArea())
                    && Objects.equals(admissionDate, entry.admissionDate());
        }

        Pupil movedUp() {
            return new Pupil(yearGroup + 1, admissionDate, sen, pupilPremium, gender, curriculumArea, leavingDate);
        }

        Pupil leaving(LocalDate date) {
            return new Pupil(yearGroup, admissionDate, sen, pupilPremium, gender, curriculumArea, date);
        }
    }
}
