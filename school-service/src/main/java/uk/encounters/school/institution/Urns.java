package uk.encounters.school.institution;

/** Unique Reference Numbers as Get Information about Schools issues them: six digits, 100000 to 999999. */
final class Urns {

    private Urns() {
    }

    static boolean isValid(String urn) {
        return urn.length() == 6 && urn.chars().allMatch(Character::isDigit) && urn.charAt(0) != '0';
    }
}
