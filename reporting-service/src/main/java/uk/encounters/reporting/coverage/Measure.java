package uk.encounters.reporting.coverage;

/** The measures a school is judged on, named as the at-risk endpoint's {@code measure} parameter. */
public enum Measure {
    /** Met this academic year; every pupil on roll in Years 7-13. */
    GB5,
    /** Met while in Years 7-11; measured on Year 11 (not for colleges). */
    GB6_BY_16,
    /** Met while in Years 12-13; measured on Year 13. */
    GB6_BY_18
}
