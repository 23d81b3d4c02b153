package uk.encounters.portal.school;

import java.util.Optional;
import uk.encounters.portal.school.SchoolRecords.RollPupil;

/**
 * A group of the coverage breakdowns (a SEN status, pupil premium or not, a gender), keyed as reporting-service keys
 * them. The evidence of a group's figure is the figure's evidence narrowed to the group's pupils, read from the roll
 * of the same academic year (the attributes the breakdown used).
 */
record PupilGroup(Kind kind, String value) {

    enum Kind {
        SEN("sen"), PUPIL_PREMIUM("pupilPremium"), GENDER("gender");

        final String param;

        Kind(String param) {
            this.param = param;
        }
    }

    /** The group a request names with one of sen, pupilPremium or gender; empty where it names none. */
    static Optional<PupilGroup> of(String sen, String pupilPremium, String gender) {
        if (sen != null && !sen.isBlank()) {
            return Optional.of(new PupilGroup(Kind.SEN, sen.strip()));
        }
        if (pupilPremium != null && !pupilPremium.isBlank()) {
            return Optional.of(new PupilGroup(Kind.PUPIL_PREMIUM, pupilPremium.strip()));
        }
        if (gender != null && !gender.isBlank()) {
            return Optional.of(new PupilGroup(Kind.GENDER, gender.strip()));
        }
        return Optional.empty();
    }

    boolean includes(RollPupil pupil) {
        return switch (kind) {
            case SEN -> value.equalsIgnoreCase(pupil.sen());
            case PUPIL_PREMIUM -> value.equalsIgnoreCase(String.valueOf(pupil.pupilPremium()));
            case GENDER -> value.equalsIgnoreCase(pupil.gender());
        };
    }

    /** "pupils with SEN support", "pupil premium pupils", "female pupils". */
    String describe(Wording wording) {
        return switch (kind) {
            case SEN -> "pupils with " + (value.equals("NONE") ? "no SEN" : wording.group(value));
            case PUPIL_PREMIUM -> Boolean.parseBoolean(value) ? "pupil premium pupils" : "pupils not on pupil premium";
            case GENDER -> value.equals("NOT_RECORDED") ? "pupils whose gender is not recorded"
                    : wording.group(value).toLowerCase(java.util.Locale.ROOT) + " pupils";
        };
    }
}
