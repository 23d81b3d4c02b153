package uk.encounters.school.roll;

/**
 * Unique Pupil Numbers as the DfE issues them: a check letter, then twelve characters (LA number, establishment
 * number, year of issue, serial). A temporary UPN ends in a letter instead of its last digit. The check letter is
 * the weighted sum of characters 2 to 13 (character n weighs n) modulo 23, written with the 23-letter alphabet
 * below; a final letter counts as its place in the same alphabet. I, O and S are never used, so they cannot be
 * misread as 1, 0 and 5.
 */
final class Upns {

    static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    static final int LENGTH = 13;

    private Upns() {
    }

    /** The normal form: upper case, no surrounding or inner spaces (MIS exports sometimes pad them). */
    static String normalise(String raw) {
        return raw == null ? "" : raw.replace(" ", "").strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether the normalised UPN has the shape of a permanent or temporary UPN, ignoring the check letter. */
    static boolean hasValidShape(String upn) {
        if (upn.length() != LENGTH || LETTERS.indexOf(upn.charAt(0)) < 0) {
            return false;
        }
        for (int i = 1; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(upn.charAt(i))) {
                return false;
            }
        }
        char last = upn.charAt(LENGTH - 1);
        return isAsciiDigit(last) || LETTERS.indexOf(last) >= 0;
    }

    /** The check letter the twelve characters after it call for; the UPN must have a valid shape. */
    static char checkLetter(String upn) {
        int sum = 0;
        for (int position = 2; position <= LENGTH; position++) {
            char c = upn.charAt(position - 1);
            int value = isAsciiDigit(c) ? c - '0' : LETTERS.indexOf(c);
            sum += value * position;
        }
        return LETTERS.charAt(sum % 23);
    }

    static boolean isValid(String upn) {
        return hasValidShape(upn) && checkLetter(upn) == upn.charAt(0);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
