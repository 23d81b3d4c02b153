package uk.encounters.encounter.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import uk.encounters.encounter.employer.Postcodes;
import uk.encounters.platform.web.ProblemException;

/**
 * The board's distance filter: shout-outs within {@code withinMiles} of where the employer is.
 *
 * @param near the outward code or area the employer gave ({@code TS17}, {@code TS})
 */
record Nearness(String near, GeoPoint centre, double withinMiles) {

    static final double DEFAULT_MILES = 10;

    /** Empty when {@code near} is not given; refused (422 naming the parameter) when it or the radius is unusable. */
    static Optional<Nearness> of(String near, String withinMiles, PostcodeAreas areas) {
        if (near == null || near.isBlank()) {
            if (withinMiles != null && !withinMiles.isBlank()) {
                throw ProblemException.unprocessable("withinMiles", "withinMiles needs near: say near which postcode "
                        + "to measure from, e.g. near=TS17 6AB or near=TS17.");
            }
            return Optional.empty();
        }
        String outward = Postcodes.outwardCodeOrArea(near).orElseThrow(() -> ProblemException.unprocessable("near",
                "near is a UK postcode (TS17 6AB), the first half of one (TS17) or a postcode area (TS); '"
                        + near.strip() + "' is none of these."));
        double miles = miles(withinMiles);
        GeoPoint centre = areas.centreOf(outward).orElseThrow(() -> ProblemException.unprocessable("near",
                "The board does not know where postcode area " + Postcodes.area(outward) + " is; check the "
                        + "postcode, or give one near it."));
        return Optional.of(new Nearness(outward, centre, miles));
    }

    private static double miles(String withinMiles) {
        if (withinMiles == null || withinMiles.isBlank()) {
            return DEFAULT_MILES;
        }
        try {
            double miles = Double.parseDouble(withinMiles.strip());
            if (miles > 0 && Double.isFinite(miles)) {
                return miles;
            }
        } catch (NumberFormatException e) {
            // refused below, with the rest
        }
        throw ProblemException.unprocessable("withinMiles", "withinMiles is a positive number of miles, such as 10 "
                + "or 25.5; got '" + withinMiles.strip() + "'.");
    }

    /** Miles from here to the district's area centre, to one decimal; null when the district or its place is unknown. */
    Double milesTo(String district, PostcodeAreas areas) {
        return areas.centreOf(district)
                .map(there -> BigDecimal.valueOf(centre.milesTo(there)).setScale(1, RoundingMode.HALF_UP).doubleValue())
                .orElse(null);
    }

    boolean within(Double miles) {
        return miles != null && miles <= withinMiles;
    }
}
