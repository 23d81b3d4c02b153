package uk.encounters.school.institution;

/** Everything that happens to a school itself (its roll and shout-outs have their own streams). */
public sealed interface SchoolEvent permits SchoolRegistered, SchoolMovedHub {

    String schoolId();
}
