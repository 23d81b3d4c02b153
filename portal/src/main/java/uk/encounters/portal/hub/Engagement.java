package uk.encounters.portal.hub;

import java.util.List;
import java.util.Map;
import uk.encounters.portal.web.Wording;

/**
 * The year's encounters of the hub's schools by employer sector and size. {@code reach} counts attendances (a pupil
 * at three encounters counts three times), or pupils where the report gives those instead.
 */
record Engagement(String academicYear, int encounters, List<Bar> bySector, List<Bar> bySize, String reachLabel) {

    static Engagement of(Map<String, Object> report) {
        List<Map<String, Object>> sectors = Json.maps(report.get("bySector"));
        boolean attendances = sectors.isEmpty() || sectors.getFirst().containsKey("attendances");
        String reach = attendances ? "attendances" : "pupils";
        Integer encounters = Json.integer(report.get("encounters"));
        return new Engagement(Json.text(report.get("academicYear")), encounters == null ? 0 : encounters,
                bars(sectors, "sector", reach), bars(Json.maps(report.get("bySize")), "size", reach),
                attendances ? "Attendances" : "Pupils");
    }

    private static List<Bar> bars(List<Map<String, Object>> rows, String key, String reach) {
        return rows.stream().map(r -> new Bar("size".equals(key) ? Wording.employerSize(Json.text(r.get(key)))
                        : Json.text(r.get(key)), count(r.get("encounters")), count(r.get(reach))))
                .toList();
    }

    private static int count(Object value) {
        Integer count = Json.integer(value);
        return count == null ? 0 : count;
    }

    public String sectorChart() {
        return Charts.bars("Encounters", bySector.stream().map(Bar::label).toList(),
                bySector.stream().map(Bar::encounters).toList(), true);
    }

    public String sizeChart() {
        return Charts.bars("Encounters", bySize.stream().map(Bar::label).toList(),
                bySize.stream().map(Bar::encounters).toList(), false);
    }

    record Bar(String label, int encounters, int reach) {
    }
}
