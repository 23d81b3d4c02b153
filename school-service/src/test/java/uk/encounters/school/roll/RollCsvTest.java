package uk.encounters.school.roll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;
import uk.encounters.platform.web.ProblemException.FieldError;

class RollCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 5);
    private static final RollCsv ELEVEN_TO_SIXTEEN = new RollCsv(Set.of(7, 8, 9, 10, 11), TODAY, "2026/27");
    private static final String UPN_1 = RollFiles.upn(1);
    private static final String UPN_2 = RollFiles.upn(2);
    private static final String HEADER = RollFiles.HEADER;

    private static RollCsv.Result parse(String text) {
        return ELEVEN_TO_SIXTEEN.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(RollCsv.Result result) {
        return result.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void readsAValidRoll() {
        RollCsv.Result result = parse(HEADER + "\n"
                + UPN_1 + ",Amira,Khan,2014-05-01,7,F,K,Y,2026-09-03,\n"
                + UPN_2 + ",Ben,O'Neill,2012-01-30,9,M,N,N,2024-09-04,2026-10-01\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.lines()).containsExactly(
                new RollLine(2, UPN_1, "Amira", "Khan", LocalDate.of(2014, 5, 1), 7, Gender.FEMALE, Sen.SEN_SUPPORT,
                        true, LocalDate.of(2026, 9, 3), null, null),
                new RollLine(3, UPN_2, "Ben", "O'Neill", LocalDate.of(2012, 1, 30), 9, Gender.MALE, Sen.NONE, false,
                        LocalDate.of(2024, 9, 4), LocalDate.of(2026, 10, 1), null));
    }

    @Test
    void acceptsColumnsInAnyOrderWithAnyCaseAndSpacing() {
        RollCsv.Result result = parse("year group,SURNAME,upn,Forename,Date of Birth,gender,Sen,Pupil Premium,"
                + "Admission_Date,CurriculumArea\n"
                + "Y7,Khan," + UPN_1 + ",Amira,2014-05-01,f,k,y,2026-09-03,Engineering\n");

        assertThat(result.errors()).isEmpty();
        RollLine line = result.lines().getFirst();
        assertThat(line.yearGroup()).isEqualTo(7);
        assertThat(line.surname()).isEqualTo("Khan");
        assertThat(line.curriculumArea()).isEqualTo("Engineering");
        assertThat(line.leavingDate()).isNull();
    }

    @Test
    void acceptsUkDatesAsMisExportsWriteThem() {
        RollCsv.Result result = parse(HEADER + "\n" + UPN_1 + ",Amira,Khan,01/05/2014,7,F,N,N,3/9/2026,\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.lines().getFirst().dateOfBirth()).isEqualTo(LocalDate.of(2014, 5, 1));
        assertThat(result.lines().getFirst().admissionDate()).isEqualTo(LocalDate.of(2026, 9, 3));
    }

    @Test
    void acceptsAUtf8ByteOrderMarkAndAccentedNames() {
        byte[] body = ("\uFEFF" + HEADER + "\r\n" + UPN_1 + ",Zoë,Nuñez,2014-05-01,7,F,N,N,2026-09-03,\r\n")
                .getBytes(StandardCharsets.UTF_8);

        RollCsv.Result result = ELEVEN_TO_SIXTEEN.parse(body);

        assertThat(result.errors()).isEmpty();
        assertThat(result.lines().getFirst().forename()).isEqualTo("Zoë");
    }

    @Test
    void acceptsQuotedNamesWithCommas() {
        RollCsv.Result result = parse(HEADER + "\n" + UPN_1 + ",\"Mary, Jane\",Smith,2014-05-01,7,F,N,N,2026-09-03,\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.lines().getFirst().forename()).isEqualTo("Mary, Jane");
    }

    @Test
    void namesTheLineOfABadUpnAndOfAWrongCheckLetter() {
        String wrongLetter = (UPN_2.charAt(0) == 'A' ? "B" : "A") + UPN_2.substring(1);
        RollCsv.Result result = parse(HEADER + "\n"
                + "12345,Amira,Khan,2014-05-01,7,F,N,N,2026-09-03,\n"
                + wrongLetter + ",Ben,Lee,2014-05-01,7,M,N,N,2026-09-03,\n");

        assertThat(result.isValid()).isFalse();
        assertThat(result.lines()).isEmpty();
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("line 2: UPN", "line 3: UPN");
        assertThat(result.errors().get(1).message()).contains("check letter");
    }

    @Test
    void namesYearGroupsOutOfRangeAndNotTaught() {
        RollCsv.Result result = parse(HEADER + "\n"
                + UPN_1 + ",Amira,Khan,2014-05-01,6,F,N,N,2026-09-03,\n"
                + UPN_2 + ",Ben,Lee,2009-05-01,12,M,N,N,2026-09-03,\n"
                + RollFiles.upn(3) + ",Cat,Ng,2014-05-01,seven,F,N,N,2026-09-03,\n");

        assertThat(fields(result)).containsExactly("line 2: YearGroup", "line 3: YearGroup", "line 4: YearGroup");
        assertThat(result.errors().get(0).message()).contains("7 to 13");
        assertThat(result.errors().get(1).message()).contains("does not teach Year 12");
    }

    @Test
    void namesImpossibleDates() {
        RollCsv.Result result = parse(HEADER + "\n"
                + UPN_1 + ",Amira,Khan,30/02/2014,7,F,N,N,2026-09-03,\n"
                + UPN_2 + ",Ben,Lee,2014-05-01,7,M,N,N,yesterday,\n"
                + RollFiles.upn(3) + ",Cat,Ng,2027-01-01,7,F,N,N,2026-09-03,\n"
                + RollFiles.upn(4) + ",Dan,Ng,2014-05-01,7,M,N,N,2026-09-03,2026-09-01\n");

        assertThat(fields(result)).containsExactly("line 2: DateOfBirth", "line 3: AdmissionDate",
                "line 4: DateOfBirth", "line 5: LeavingDate");
        assertThat(result.errors()).extracting(FieldError::message).containsExactly(
                "There is no such day; check the day and the month.",
                "Write dates as 2027-03-14 or 14/03/2027.",
                "The date of birth is in the future.",
                "The leaving date is before the admission date.");
    }

    @Test
    void aPastYearsRollHasPastLeavingDatesButNoDatesAfterThatYearEnded() {
        RollCsv lastYear = new RollCsv(Set.of(7, 8, 9, 10, 11), TODAY, "2025/26");
        RollCsv.Result result = lastYear.parse((HEADER + "\n"
                + UPN_1 + ",Amira,Khan,2010-05-01,11,F,N,N,2021-09-03,2026-07-22\n"
                + UPN_2 + ",Ben,Lee,2013-05-01,8,M,N,N,2026-09-03,\n"
                + RollFiles.upn(3) + ",Cat,Ng,2013-05-01,8,F,N,N,2024-09-03,2026-09-30\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(fields(result)).containsExactly("line 3: AdmissionDate", "line 4: LeavingDate");
        assertThat(result.errors()).extracting(FieldError::message).containsExactly(
                "The admission date is after 2025/26 ended (2026-08-31); a pupil on this roll was admitted by then.",
                "The leaving date is after 2025/26 ended (2026-08-31); leave it empty here and give it in a later"
                        + " year's roll.");
        assertThat(lastYear.parse((HEADER + "\n" + UPN_1 + ",Amira,Khan,2010-05-01,11,F,N,N,2021-09-03,2026-07-22\n")
                .getBytes(StandardCharsets.UTF_8)).isValid()).isTrue();
    }

    @Test
    void namesBadCodes() {
        RollCsv.Result result = parse(HEADER + "\n" + UPN_1 + ",Amira,Khan,2014-05-01,7,W,S,maybe,2026-09-03,\n");

        assertThat(fields(result)).containsExactly("line 2: Gender", "line 2: SEN", "line 2: PupilPremium");
    }

    @Test
    void namesMissingValues() {
        RollCsv.Result result = parse(HEADER + "\n" + UPN_1 + ",,Khan,2014-05-01,7,F,N,N,,\n");

        assertThat(fields(result)).containsExactly("line 2: Forename", "line 2: AdmissionDate");
    }

    @Test
    void namesBothLinesOfADuplicateUpn() {
        RollCsv.Result result = parse(HEADER + "\n"
                + UPN_1 + ",Amira,Khan,2014-05-01,7,F,N,N,2026-09-03,\n"
                + UPN_2 + ",Ben,Lee,2014-05-01,7,M,N,N,2026-09-03,\n"
                + UPN_1.toLowerCase() + ",Amira,Khan,2014-05-01,7,F,N,N,2026-09-03,\n");

        assertThat(result.errors()).containsExactly(new FieldError("line 4: UPN",
                "The same UPN is on lines 2 and 4; each pupil appears once."));
    }

    @Test
    void namesMissingRequiredColumns() {
        RollCsv.Result result = parse("UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,AdmissionDate\n"
                + UPN_1 + ",Amira,Khan,2014-05-01,7,F,2026-09-03\n");

        assertThat(fields(result)).containsExactly("line 1: SEN", "line 1: PupilPremium");
        assertThat(result.errors().getFirst().message()).contains("has no SEN column");
    }

    @Test
    void saysSoWhenTheFileIsSeparatedBySemicolonsOrTabs() {
        RollCsv.Result semicolons = parse(HEADER.replace(',', ';') + "\n"
                + UPN_1 + ";Amira;Khan;2014-05-01;7;F;N;N;2026-09-03;\n");
        RollCsv.Result tabs = parse(HEADER.replace(',', '\t') + "\n"
                + UPN_1 + "\tAmira\tKhan\t2014-05-01\t7\tF\tN\tN\t2026-09-03\t\n");

        assertThat(semicolons.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("line 1");
            assertThat(error.message()).contains("separated by semicolons");
        });
        assertThat(tabs.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("separated by tabs"));
    }

    @Test
    void saysSoWhenTheFileIsNotUtf8AndNamesTheLine() {
        byte[] latin1 = (HEADER + "\n" + UPN_1 + ",Amira,Khan,2014-05-01,7,F,N,N,2026-09-03,\n"
                + UPN_2 + ",Zoë,Lee,2014-05-01,7,F,N,N,2026-09-03,\n").getBytes(StandardCharsets.ISO_8859_1);

        RollCsv.Result result = ELEVEN_TO_SIXTEEN.parse(latin1);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("line 3");
            assertThat(error.message()).contains("not UTF-8");
        });
    }

    @Test
    void saysSoWhenTheFileIsUtf16() {
        byte[] utf16 = (HEADER + "\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);

        assertThat(ELEVEN_TO_SIXTEEN.parse(withBom).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("UTF-16"));
    }

    @Test
    void rejectsAnEmptyFileAndAHeaderWithoutPupils() {
        assertThat(ELEVEN_TO_SIXTEEN.parse(new byte[0]).errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("file"));
        assertThat(parse("  \n\n").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("empty"));
        assertThat(parse(HEADER + "\n").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("no pupils"));
    }

    @Test
    void namesALineWithTheWrongNumberOfValues() {
        RollCsv.Result result = parse(HEADER + "\n" + UPN_1 + ",Mary, Jane,Khan,2014-05-01,7,F,N,N,2026-09-03,\n");

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("line 2");
            assertThat(error.message()).contains("11 values but the header row has 10");
        });
    }

    @Test
    void namesTheLineOfAnUnclosedQuote() {
        RollCsv.Result result = parse(HEADER + "\n"
                + UPN_1 + ",Amira,Khan,2014-05-01,7,F,N,N,2026-09-03,\n"
                + UPN_2 + ",\"Ben,Lee,2014-05-01,7,M,N,N,2026-09-03,\n");

        assertThat(result.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("line 3"));
    }

    @Test
    void messagesNeverRepeatTheCellsValues() {
        RollCsv.Result result = parse(HEADER + "\n" + "Q999999999999,Zebedee,Quixote,31/02/2014,7,F,N,N,2026-09-03,\n"
                + "Q999999999999,Zebedee,Quixote,2099-01-01,7,F,N,N,2026-09-03,\n");

        assertThat(result.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.field() + error.message())
                .doesNotContain("Q999999999999", "Zebedee", "Quixote", "31/02/2014", "2099"));
    }
}
