package uk.encounters.school.roll;

/**
 * A roll upload corrected a pupil's name or date of birth in the personal store. Records that it happened (and,
 * in the metadata, when and by whom) without the values: they are personal data and events are kept for ever.
 * Not published.
 */
public record PupilIdentityCorrected(String schoolId, String pupilId) implements RollEvent {
}
