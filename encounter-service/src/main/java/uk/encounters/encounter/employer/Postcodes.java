package uk.encounters.encounter.employer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a UK postcode: an outward code (area letters, district digit, optional letter or digit) and an
 * inward code (digit, two letters). Shape only: whether Royal Mail issued it is not checked, because nothing here
 * needs more than the district.
 */
public final class Postcodes {

    private static final Pattern SHAPE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})");
    private static final Pattern OUTWARD_OR_AREA = Pattern.compile("[A-Z]{1,2}([0-9][A-Z0-9]?)?");
    private static final Pattern SOMEWHERE_IN_TEXT =
            Pattern.compile("\\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\\b");

    private Postcodes() {
    }

    /** The postcode written the usual way ({@code TS1 3BA}), or empty if it does not have the shape. */
    public static Optional<String> normalise(String postcode) {
        if (postcode == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(postcode.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " "));
        return m.matches() ? Optional.of(m.group(1) + " " + m.group(2)) : Optional.empty();
    }

    /**
     * Where a person says they are: the outward code of a whole postcode ({@code TS17} for {@code TS17 6AB}), an
     * outward code on its own ({@code TS17}) or a bare area ({@code TS}); empty if the text is none of these.
     */
    public static Optional<String> outwardCodeOrArea(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<String> postcode = normalise(text);
        if (postcode.isPresent()) {
            return Optional.of(postcode.get().substring(0, postcode.get().indexOf(' ')));
        }
        String given = text.strip().toUpperCase(Locale.ROOT);
        return OUTWARD_OR_AREA.matcher(given).matches() ? Optional.of(given) : Optional.empty();
    }

    /** The district (outward code, {@code TS17}) of the first postcode found in free text such as an address. */
    public static Optional<String> districtIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SOMEWHERE_IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The area letters of a district ({@code TS} for {@code TS17}). */
    public static String area(String district) {
        int i = 0;
        while (i < district.length() && Character.isLetter(district.charAt(i))) {
            i++;
        }
        return district.substring(0, i);
    }
}
