package uk.encounters.encounter.board;

import static java.lang.Math.asin;
import static java.lang.Math.cos;
import static java.lang.Math.min;
import static java.lang.Math.sin;
import static java.lang.Math.sqrt;
import static java.lang.Math.toRadians;

/** A place on the Earth's surface, in decimal degrees (WGS84). */
record GeoPoint(double latitude, double longitude) {

    /**
     * The Earth's mean radius. Treating the Earth as a sphere puts great-circle distances within about half a per cent
     * of the ellipsoid's, far inside the error of the centres the board measures between.
     */
    static final double EARTH_RADIUS_MILES = 3958.8;

    /**
     * The great-circle distance by the haversine formula, chosen over the spherical law of cosines because it stays
     * accurate for places a few miles apart.
     */
    double milesTo(GeoPoint other) {
        double lat1 = toRadians(latitude);
        double lat2 = toRadians(other.latitude);
        double halfDeltaLat = (lat2 - lat1) / 2;
        double halfDeltaLon = toRadians(other.longitude - longitude) / 2;
        double h = sin(halfDeltaLat) * sin(halfDeltaLat) + cos(lat1) * cos(lat2) * sin(halfDeltaLon) * sin(halfDeltaLon);
        // Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
        return 2 * EARTH_RADIUS_MILES * asin(min(1, sqrt(h)));
    }
}
