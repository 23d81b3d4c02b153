package uk.encounters.encounter.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import uk.encounters.encounter.employer.Postcodes;
import uk.encounters.platform.web.ProblemException;

/** The board's distances: the haversine formula, the table of postcode-area centres, and reading {@code near}. */
class BoardDistanceTest {

    private final PostcodeAreas areas = new PostcodeAreas();

    @Test
    void haversineGivesTheGreatCircleDistancesOfKnownPlaces() {
        GeoPoint london = new GeoPoint(51.5074, -0.1278);
        GeoPoint manchester = new GeoPoint(53.4808, -2.2426);
        GeoPoint edinburgh = new GeoPoint(55.9533, -3.1883);
        GeoPoint glasgow = new GeoPoint(55.8642, -4.2518);
        GeoPoint middlesbrough = new GeoPoint(54.5742, -1.2350);
        GeoPoint darlington = new GeoPoint(54.5236, -1.5595);

        // Published straight-line distances: 163, 332, 42 and 13.5 miles.
        assertThat(london.milesTo(manchester)).isCloseTo(163, within(1.0));
        assertThat(london.milesTo(edinburgh)).isCloseTo(332, within(1.0));
        assertThat(edinburgh.milesTo(glasgow)).isCloseTo(42, within(1.0));
        assertThat(middlesbrough.milesTo(darlington)).isCloseTo(13.5, within(0.5));
        assertThat(manchester.milesTo(london)).isEqualTo(london.milesTo(manchester));
        assertThat(london.milesTo(london)).isZero();
    }

    @Test
    void areaCentresPutCitiesWithinTensOfMilesOfTheirRealDistances() {
        // Real straight-line distances between the areas' main towns, against the table's centres (error < 15 miles).
        assertThat(miles("TS", "DL")).isCloseTo(13.5, within(15.0));
        assertThat(miles("TS", "NE")).isCloseTo(31, within(15.0));
        assertThat(miles("M", "L")).isCloseTo(31, within(15.0));
        assertThat(miles("M", "B")).isCloseTo(70, within(15.0));
        assertThat(miles("EH", "G")).isCloseTo(42, within(15.0));
        assertThat(miles("SW", "M")).isCloseTo(163, within(15.0));
        assertThat(miles("TS17", "TS1")).as("one area, one centre").isZero();
    }

    @Test
    void theTableCoversEveryGeographicPostcodeAreaInsideTheUk() {
        assertThat(areas.areas()).hasSize(124).contains("TS", "NE", "M", "B", "SW", "EC", "BT", "ZE", "JE", "GY", "IM")
                .doesNotContain("BF", "BX");
        for (String area : areas.areas()) {
            GeoPoint centre = areas.centreOf(area).orElseThrow();
            assertThat(centre.latitude()).as(area).isBetween(49.0, 61.0);
            assertThat(centre.longitude()).as(area).isBetween(-8.5, 2.0);
        }
    }

    @Test
    void nearIsAPostcodeAnOutwardCodeOrAnArea() {
        assertThat(Postcodes.outwardCodeOrArea("ts17 6ab")).contains("TS17");
        assertThat(Postcodes.outwardCodeOrArea("TS176AB")).contains("TS17");
        assertThat(Postcodes.outwardCodeOrArea(" TS17 ")).contains("TS17");
        assertThat(Postcodes.outwardCodeOrArea("EC1A")).contains("EC1A");
        assertThat(Postcodes.outwardCodeOrArea("ts")).contains("TS");
        assertThat(Postcodes.outwardCodeOrArea("Middlesbrough")).isEmpty();
        assertThat(Postcodes.outwardCodeOrArea("TS17 6")).isEmpty();
        assertThat(Postcodes.outwardCodeOrArea("123")).isEmpty();

        Nearness near = Nearness.of("TS17 6AB", null, areas).orElseThrow();
        assertThat(near.near()).isEqualTo("TS17");
        assertThat(near.withinMiles()).isEqualTo(10);
        assertThat(Nearness.of("DL1", "25.5", areas).orElseThrow().withinMiles()).isEqualTo(25.5);
        assertThat(Nearness.of(null, null, areas)).isEmpty();
        assertThat(near.milesTo("TS1", areas)).isZero();
        assertThat(near.milesTo("DL3", areas)).isEqualTo(23.8);
        assertThat(near.milesTo(null, areas)).isNull();
    }

    @Test
    void anUnusableNearOrRadiusIsRefusedNamingTheParameter() {
        assertRefused("Middlesbrough", null, "near", "is none of these");
        assertRefused("XX1 1AA", null, "near", "postcode area XX");
        assertRefused("BX1", null, "near", "postcode area BX");
        assertRefused("TS17", "0", "withinMiles", "positive number");
        assertRefused("TS17", "-5", "withinMiles", "positive number");
        assertRefused("TS17", "ten", "withinMiles", "positive number");
        assertRefused("TS17", "Infinity", "withinMiles", "positive number");
        assertRefused(null, "10", "withinMiles", "needs near");
    }

    private double miles(String from, String to) {
        return areas.centreOf(from).orElseThrow().milesTo(areas.centreOf(to).orElseThrow());
    }

    private void assertRefused(String near, String withinMiles, String field, String detail) {
        assertThatThrownBy(() -> Nearness.of(near, withinMiles, areas))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo(field));
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
