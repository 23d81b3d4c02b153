package uk.encounters.school.roll;

/**
 * Everything that happens to a school's roll, as stored for ever in this service's event store: opaque pupil ids
 * and coverage attributes only, never names, dates of birth or UPNs (those live in {@link PupilRecords}).
 */
public sealed interface RollEvent
        permits AcademicYearStarted, PupilEnrolled, PupilLeft, PupilDetailsChanged, PupilIdentityCorrected {

    String schoolId();
}
