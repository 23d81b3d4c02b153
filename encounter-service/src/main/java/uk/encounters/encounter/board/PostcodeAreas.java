package uk.encounters.encounter.board;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import uk.encounters.encounter.employer.Postcodes;

/**
 * Roughly where each UK postcode area is: one centre per area (TS, NE, M...), read from {@code postcode-areas.csv}.
 * The board measures distances between these centres, so a distance is approximate, within tens of miles, and two
 * places in one area are 0 miles apart. No openly licensed table of postcode <em>district</em> centres could be had
 * from the registries this project builds from; a finer table can replace the file without changing the callers.
 */
@Component
class PostcodeAreas {

    static final String RESOURCE = "postcode-areas.csv";

    private final Map<String, GeoPoint> centres;

    PostcodeAreas() {
        this.centres = load();
    }

    /** The centre of the area of a district ({@code TS17}) or of an area given as letters ({@code TS}). */
    Optional<GeoPoint> centreOf(String districtOrArea) {
        return districtOrArea == null ? Optional.empty()
                : Optional.ofNullable(centres.get(Postcodes.area(districtOrArea)));
    }

    /** Every area with a known centre. */
    Set<String> areas() {
        return centres.keySet();
    }

    private static Map<String, GeoPoint> load() {
        Map<String, GeoPoint> centres = new TreeMap<>();
        try (InputStream in = PostcodeAreas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", 4);
                centres.put(cells[0].strip(), new GeoPoint(Double.parseDouble(cells[1]), Double.parseDouble(cells[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(centres);
    }
}
