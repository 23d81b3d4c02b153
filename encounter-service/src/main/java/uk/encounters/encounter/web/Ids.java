package uk.encounters.encounter.web;

import java.util.UUID;

/** Ids are the server's unless the request brings one (API.md). */
final class Ids {

    private Ids() {
    }

    static String orNew(String requested) {
        return requested == null || requested.isBlank() ? UUID.randomUUID().toString() : requested.strip();
    }
}
