package uk.encounters.portal.employer;

import java.io.Serializable;
import java.util.Map;

/** The employer's own record at encounter-service: what it is called, its sector and size, where it is. */
record Profile(String employerId, String name, String sector, String size, String postcode, String district)
        implements Serializable {

    static Profile of(Map<String, Object> json) {
        return new Profile(Fields.text(json, "employerId"), Fields.text(json, "name"), Fields.text(json, "sector"),
                Fields.text(json, "size"), Fields.text(json, "postcode"), Fields.text(json, "district"));
    }

    public String sizeLabel() {
        return Labels.size(size);
    }
}
