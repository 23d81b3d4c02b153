package uk.encounters.reporting.coverage;

/**
 * One year group's figures. {@code gb6By16} is given for Years 7-11 (progress; the measure is Year 11's) and
 * {@code gb6By18} for Years 12-13 (the measure is Year 13's); each is null where it means nothing, and a college has
 * no {@code gb6By16}. {@code workExperienceHours} is the year group's key stage (null in Years 12-13).
 */
public record YearGroupCoverage(int yearGroup, Figure gb5, Figure gb6By16, Figure gb6By18,
                                HoursFigure workExperienceHours) {
}
