package uk.encounters.contracts.school;

/** Special educational needs status as the roll records it ({@code N}, {@code K} or {@code E}). */
public enum Sen {
    NONE("N"),
    SEN_SUPPORT("K"),
    EHC_PLAN("E");

    private final String code;

    Sen(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Sen fromCode(String code) {
        for (Sen sen : values()) {
            if (sen.code.equalsIgnoreCase(code)) {
                return sen;
            }
        }
        throw new IllegalArgumentException("SEN must be N, K or E: " + code);
    }
}
