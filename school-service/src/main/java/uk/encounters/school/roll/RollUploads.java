package uk.encounters.school.roll;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.platform.web.ProblemException.FieldError;
import uk.encounters.school.institution.SchoolRegistered;
import uk.encounters.school.roll.PupilRecords.PupilRecord;

/**
 * Uploads a roll file: parse and validate it whole, match its UPNs to pupil ids in the personal store, then hand
 * the roll (ids and attributes only) to the {@link Roll} aggregate, which works out joiners, leavers and changes
 * in one unit of work.
 * <p>
 * Personal data is written before the command and undone if the command fails. The other order would be worse:
 * if the process died after the events but before the personal data, the next upload would not recognise those
 * pupils and would enrol them twice under new ids; in this order a crash leaves at most unused personal records,
 * which the next upload of the same pupils picks up again by UPN.
 */
@Service
public class RollUploads {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    private static final Logger log = LoggerFactory.getLogger(RollUploads.class);

    private final CommandGateway commands;
    private final PupilRecords records;
    private final RegisteredSchools schools;
    private final RollView view;
    private final Clock clock;

    RollUploads(CommandGateway commands, PupilRecords records, RegisteredSchools schools, RollView view,
                Clock clock) {
        this.commands = commands;
        this.records = records;
        this.schools = schools;
        this.view = view;
        this.clock = clock;
    }

    /**
     * @param academicYear {@code 2026/27} or {@code 2026-27}; null for the current one
     */
    public RollReconciled upload(String schoolId, String academicYear, byte[] csv) {
        LocalDate today = LocalDate.now(clock.withZone(SCHOOL_ZONE));
        String year = academicYear == null || academicYear.isBlank()
                ? AcademicYears.containing(today) : normalisedAcademicYear(academicYear);
        SchoolRegistered school = schools.get(schoolId);
        // Refused before anything is parsed or stored. The roll decides; the view's year is never ahead of the
        // roll's, so this early check is never stricter than the roll's own (a lagging view leaves it to the roll).
        Roll.refuseYearNotOpen(view.currentAcademicYear(schoolId).orElse(null), AcademicYears.startYear(year), today);
        RollCsv.Result parsed = new RollCsv(school.yearGroups(), today, year).parse(csv);
        if (!parsed.isValid()) {
            List<FieldError> errors = parsed.errors();
            FieldError first = errors.getFirst();
            throw ProblemException.unprocessable("The roll file was not applied: it has " + errors.size()
                    + (errors.size() == 1 ? " problem" : " problems") + "; the first is " + first.field() + ": "
                    + first.message(), errors);
        }

        Map<String, PupilRecord> known = records.findByUpn(schoolId, parsed.lines().stream().map(RollLine::upn).toList());
        List<PupilRecord> added = new ArrayList<>();
        List<PupilRecord> corrected = new ArrayList<>();
        List<PupilRecord> before = new ArrayList<>();
        List<RollEntry> entries = new ArrayList<>(parsed.lines().size());
        for (RollLine line : parsed.lines()) {
            PupilRecord existing = known.get(line.upn());
            String pupilId = existing == null ? UUID.randomUUID().toString() : existing.pupilId();
            boolean identityCorrected = existing != null && !existing.sameIdentityAs(line);
            PupilRecord record = new PupilRecord(pupilId, schoolId, line.upn(), line.forename(), line.surname(),
                    line.dateOfBirth());
            if (existing == null) {
                added.add(record);
            } else if (identityCorrected) {
                corrected.add(record);
                before.add(existing);
            }
            entries.add(new RollEntry(pupilId, line.line(), line.yearGroup(), line.sen(), line.pupilPremium(),
                    line.gender(), line.curriculumArea(), line.admissionDate(), line.leavingDate(), identityCorrected));
        }

        try {
            records.insert(added);
        } catch (PupilRecords.ConcurrentUpload e) {
            throw ProblemException.conflict("Another roll upload for this school is being applied; try again.");
        }
        RollReconciled result;
        try {
            records.replace(corrected);
            result = commands.sendAndWait(new UploadRoll(Roll.idOf(schoolId), schoolId, year,
                    new TreeSet<>(school.yearGroups()), today, entries));
        } catch (RuntimeException e) {
            undo(added, before, e);
            throw e;
        }
        log.info("Roll of school {} for {} uploaded: {} enrolled, {} left, {} changed, {} unchanged", schoolId, year,
                result.enrolled(), result.left(), result.changed(), result.unchanged());
        return result;
    }

    private void undo(List<PupilRecord> added, List<PupilRecord> before, RuntimeException cause) {
        try {
            records.delete(added);
            records.replace(before);
        } catch (RuntimeException undoFailure) {
            cause.addSuppressed(undoFailure);
        }
    }

    static String normalisedAcademicYear(String raw) {
        String year = raw.strip().replace('-', '/');
        try {
            AcademicYears.startYear(year);
            return year;
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("academicYear", "Write the academic year like 2026/27 (or 2026-27).");
        }
    }
}
