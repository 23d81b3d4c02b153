package uk.encounters.portal.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EncounterEvent;
import uk.encounters.contracts.encounter.EncounterEvents;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.EncounterWithdrawn;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.portal.web.Wording;

/**
 * What a coordinator's live feed says about one of encounter-service's integration events: what happened, at which
 * school, with what kind of employer. Read from the event's type header and a few fields of its JSON body, never the
 * register: the body of a recorded encounter lists its pupils' ids, and none of them is read or kept.
 *
 * @param activityType and {@code sector}, {@code date}: of a recorded encounter only
 * @param benchmark    of an override only
 */
record EncounterNews(Kind kind, String schoolId, String activityType, String sector, LocalDate date,
                     String benchmark, Instant occurredAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The events that change a figure, by the type names the contracts give them (the header's values). */
    enum Kind {
        RECORDED(EncounterRecorded.class),
        CORRECTED(AttendanceCorrected.class),
        WITHDRAWN(EncounterWithdrawn.class),
        OVERRIDDEN(MeaningfulnessOverridden.class);

        private final String typeName;

        Kind(Class<? extends EncounterEvent> event) {
            this.typeName = EncounterEvents.byClass(event).orElseThrow().typeName();
        }

        static Optional<Kind> ofType(String typeName) {
            for (Kind kind : values()) {
                if (kind.typeName.equals(typeName)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The news in an event, or empty for events that change no figure (offers, employers, scheduling) and for types
     * this portal does not know (a newer version: its figures still arrive with the next refresh).
     *
     * @param occurredAt the event's {@code occurred-at} header, or null
     */
    static Optional<EncounterNews> read(String eventType, String body, Instant occurredAt) {
        Optional<Kind> kind = Kind.ofType(eventType);
        if (kind.isEmpty() || body == null) {
            return Optional.empty();
        }
        JsonNode event = JSON.readTree(body);
        String schoolId = text(event, "schoolId");
        if (schoolId == null) {
            return Optional.empty();
        }
        String date = text(event, "date");
        return Optional.of(new EncounterNews(kind.get(), schoolId, text(event, "activityType"), text(event, "sector"),
                date == null ? null : LocalDate.parse(date), text(event, "benchmark"), occurredAt));
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.path(field);
        return value.isString() ? value.asString() : null;
    }

    /** The feed's sentence before the school's name, e.g. "Careers talk recorded at". */
    public String headline() {
        return switch (kind) {
            case RECORDED -> (activityType == null ? "Encounter" : Wording.activity(activityType)) + " recorded at";
            case CORRECTED -> "Register corrected for an encounter at";
            case WITHDRAWN -> "Encounter withdrawn at";
            case OVERRIDDEN -> (benchmark == null ? "The" : benchmark) + " result of an encounter changed at";
        };
    }

    /** After the school's name: the employer's sector and the encounter's date, where the event says them. */
    public String detail() {
        if (kind != Kind.RECORDED) {
            return "";
        }
        String employer = sector == null || sector.isBlank() ? "an employer" : sector + " employer";
        return " — " + employer + (date == null ? "" : ", " + Wording.date(date));
    }
}
