package uk.encounters.reporting.coverage;

import java.util.Map;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;

/** Gaps by pupil group, every group present (an empty one has null percentages) so the shape never varies. */
public record Breakdowns(Map<Sen, GroupCoverage> bySen, Map<Boolean, GroupCoverage> byPupilPremium,
                         Map<Gender, GroupCoverage> byGender) {

    public Breakdowns {
        bySen = Map.copyOf(bySen);
        byPupilPremium = Map.copyOf(byPupilPremium);
        byGender = Map.copyOf(byGender);
    }
}
