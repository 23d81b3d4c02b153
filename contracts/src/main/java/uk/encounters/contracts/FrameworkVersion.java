package uk.encounters.contracts;

/**
 * The benchmark framework a rule evaluation used: Good Career Guidance (2014) up to and including 2024/25,
 * Good Career Guidance: The Next 10 Years (2024) from 2025/26.
 */
public enum FrameworkVersion {
    V2014,
    V2024;

    /** The framework in force in an academic year written {@code 2026/27}. */
    public static FrameworkVersion forAcademicYear(String academicYear) {
        return AcademicYears.startYear(academicYear) >= 2025 ? V2024 : V2014;
    }
}
