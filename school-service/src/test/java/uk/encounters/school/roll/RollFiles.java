package uk.encounters.school.roll;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Roll files for tests: made-up pupils with valid UPNs. */
final class RollFiles {

    static final String HEADER = "UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,SEN,PupilPremium,AdmissionDate,"
            + "LeavingDate";

    private RollFiles() {
    }

    /** A valid UPN, different for every n below a billion. */
    static String upn(long n) {
        String digits = "%012d".formatted(801_2000_00_000L + n);
        return Upns.checkLetter("?" + digits) + digits;
    }

    /** A row of a roll file; names and dates are invented. */
    record Row(String upn, String forename, String surname, LocalDate dateOfBirth, int yearGroup, String gender,
               String sen, String pupilPremium, LocalDate admissionDate, LocalDate leavingDate) {

        static Row pupil(long n, int yearGroup) {
            return new Row(RollFiles.upn(n), "Forename" + n, "Surname" + n, LocalDate.of(2026 - yearGroup - 5, 3, 1 + (int) (n % 28)),
                    yearGroup, n % 2 == 0 ? "F" : "M", "N", n % 3 == 0 ? "Y" : "N", LocalDate.of(2020, 9, 3), null);
        }

        Row inYear(int year) {
            return new Row(upn, forename, surname, dateOfBirth, year, gender, sen, pupilPremium, admissionDate,
                    leavingDate);
        }

        Row withSen(String code) {
            return new Row(upn, forename, surname, dateOfBirth, yearGroup, gender, code, pupilPremium, admissionDate,
                    leavingDate);
        }

        Row named(String newForename, String newSurname) {
            return new Row(upn, newForename, newSurname, dateOfBirth, yearGroup, gender, sen, pupilPremium,
                    admissionDate, leavingDate);
        }

        Row leaving(LocalDate date) {
            return new Row(upn, forename, surname, dateOfBirth, yearGroup, gender, sen, pupilPremium, admissionDate,
                    date);
        }

        String csv() {
            return String.join(",", upn, forename, surname, dateOfBirth.toString(), String.valueOf(yearGroup),
                    gender, sen, pupilPremium, admissionDate.toString(), leavingDate == null ? "" : leavingDate.toString());
        }
    }

    static String csv(List<Row> rows) {
        return HEADER + "\n" + rows.stream().map(Row::csv).collect(Collectors.joining("\n")) + "\n";
    }

    static byte[] bytes(List<Row> rows) {
        return csv(rows).getBytes(StandardCharsets.UTF_8);
    }
}
