package uk.encounters.launcher.demo;

/**
 * Unique Pupil Numbers with valid check letters, for fictional pupils. The DfE's rule: the check letter is the sum of
 * characters 2 to 13, each weighted by its position, modulo 23, written in an alphabet without I, O and S. The
 * school-service refuses a roll with a wrong check letter, so the demo (and the end-to-end tests' rolls) must get it
 * right.
 */
public final class Upns {

    static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private Upns() {
    }

    /**
     * A permanent UPN: check letter, local authority (3 digits), establishment (4 digits), two digits of the year
     * of issue and a 3-digit serial.
     */
    public static String of(int localAuthority, int establishment, int yearOfIssue, int serial) {
        String body = "%03d%04d%02d%03d".formatted(localAuthority, establishment, yearOfIssue % 100, serial);
        return checkLetterFor(body) + body;
    }

    /** The check letter for the twelve characters that follow it. */
    static char checkLetterFor(String body) {
        if (body.length() != 12) {
            throw new IllegalArgumentException("a UPN has twelve characters after its check letter");
        }
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : LETTERS.indexOf(c);
            sum += value * (i + 2);
        }
        return LETTERS.charAt(sum % 23);
    }

    static boolean isValid(String upn) {
        return upn != null && upn.length() == 13 && LETTERS.indexOf(upn.charAt(0)) >= 0
                && upn.substring(1, 12).chars().allMatch(Character::isDigit)
                && checkLetterFor(upn.substring(1)) == upn.charAt(0);
    }
}
