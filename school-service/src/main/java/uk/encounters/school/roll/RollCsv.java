package uk.encounters.school.roll;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.school.Gender;
import uk.encounters.contracts.school.Sen;
import uk.encounters.platform.web.ProblemException.FieldError;

/**
 * Reads a roll export into valid lines, or into every problem it has, each named by line and column so a careers
 * leader can fix the file in a spreadsheet. Pure: no I/O beyond the bytes given, no clock beyond {@code today}.
 * <p>
 * Messages never repeat a cell's value: they go back to the uploader, who has the file open, and must stay safe to
 * log should anyone ever log them.
 */
final class RollCsv {

    /**
     * Larger than any English secondary roll (the largest are about 3,000), and small enough that one upload's events
     * (at most two per pupil, about 0.7 kB each) stay well inside the 16 MB of the one commit document they share.
     */
    static final int MAX_PUPILS = 8_000;
    /** Enough to see what is wrong with a file; a file with thousands of problems is usually one problem. */
    static final int MAX_ERRORS = 500;

    enum Column {
        UPN("UPN", true),
        FORENAME("Forename", true),
        SURNAME("Surname", true),
        DATE_OF_BIRTH("DateOfBirth", true),
        YEAR_GROUP("YearGroup", true),
        GENDER("Gender", true),
        SEN("SEN", true),
        PUPIL_PREMIUM("PupilPremium", true),
        ADMISSION_DATE("AdmissionDate", true),
        LEAVING_DATE("LeavingDate", false),
        CURRICULUM_AREA("CurriculumArea", false);

        final String title;
        final boolean required;

        Column(String title, boolean required) {
            this.title = title;
            this.required = required;
        }

        static Column byHeader(String header) {
            String key = normalisedHeader(header);
            for (Column column : values()) {
                if (normalisedHeader(column.title).equals(key)) {
                    return column;
                }
            }
            return null;
        }
    }

    /** Either valid lines or problems, never both. */
    record Result(List<RollLine> lines, List<FieldError> errors) {

        boolean isValid() {
            return errors.isEmpty();
        }

        static Result rejected(List<FieldError> errors) {
            return new Result(List.of(), List.copyOf(errors));
        }

        static Result rejected(String field, String message) {
            return rejected(List.of(new FieldError(field, message)));
        }
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Pattern YEAR_GROUP = Pattern.compile("(?i)(?:y|yr|year)?\\s*0?(\\d{1,2})");
    private static final int MAX_NAME_LENGTH = 100;

    private final SortedSet<Integer> taughtYearGroups;
    private final LocalDate today;
    private final String academicYear;
    private final LocalDate lastDayOfYear;

    /**
     * @param taughtYearGroups the year groups the school teaches; a line in another year group is an error
     * @param today            the school's date (Europe/London), for dates of birth in the future
     * @param academicYear     the year the roll is for: its pupils were admitted, and any leaver left, by its end
     */
    RollCsv(Set<Integer> taughtYearGroups, LocalDate today, String academicYear) {
        this.taughtYearGroups = new TreeSet<>(taughtYearGroups);
        this.today = today;
        this.academicYear = academicYear;
        this.lastDayOfYear = AcademicYears.lastDay(academicYear);
    }

    Result parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Result.rejected("file", "The file is empty; upload the roll export with its header row.");
        }
        if (body.length >= 2 && ((body[0] == (byte) 0xFF && body[1] == (byte) 0xFE)
                || (body[0] == (byte) 0xFE && body[1] == (byte) 0xFF))) {
            return Result.rejected("file", "The file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\" instead.");
        }
        int start = startsWith(body, UTF8_BOM) ? UTF8_BOM.length : 0;
        String text;
        try {
            text = decodeUtf8(body, start);
        } catch (NotUtf8 e) {
            return Result.rejected("line " + e.line, "The file is not UTF-8 text (line " + e.line + " has bytes that"
                    + " are not UTF-8, as Excel's plain \"CSV\" writes accented letters); save it as \"CSV UTF-8\".");
        }
        if (text.isBlank()) {
            return Result.rejected("file", "The file is empty; upload the roll export with its header row.");
        }
        return parseText(text);
    }

    private Result parseText(String text) {
        LineIndex lines = new LineIndex(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        List<FieldError> errors = new ArrayList<>();
        List<RollLine> valid = new ArrayList<>();
        Map<String, Integer> lineOfUpn = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return Result.rejected("file", "The file is empty; upload the roll export with its header row.");
            }
            CSVRecord headerRecord = records.next();
            int headerLine = lines.lineOf(headerRecord.getCharacterPosition());
            Map<Column, Integer> columns = new LinkedHashMap<>();
            List<FieldError> headerErrors = readHeader(headerRecord, headerLine, columns);
            if (!headerErrors.isEmpty()) {
                String firstLine = text.substring(0, Math.max(0, text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n')));
                String delimiter = wrongDelimiter(headerRecord, firstLine);
                if (delimiter != null) {
                    return Result.rejected("line " + headerLine, "The file is separated by " + delimiter
                            + ", not commas; save it as \"CSV (comma delimited)\" or \"CSV UTF-8\".");
                }
                return Result.rejected(headerErrors);
            }
            int pupils = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = lines.lineOf(record.getCharacterPosition());
                if (++pupils > MAX_PUPILS) {
                    return Result.rejected("file", "The file has more than " + MAX_PUPILS + " pupils; a roll this"
                            + " size is not one school's.");
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a line of spaces
                }
                RollLine parsed = parseLine(record, line, headerRecord.size(), columns, errors);
                if (parsed != null) {
                    Integer earlier = lineOfUpn.putIfAbsent(parsed.upn(), line);
                    if (earlier != null) {
                        errors.add(new FieldError("line " + line + ": UPN", "The same UPN is on lines " + earlier
                                + " and " + line + "; each pupil appears once."));
                    } else {
                        valid.add(parsed);
                    }
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a broken quote as an exception; only its position is of use, never its message,
            // which can quote the cell.
            int line = brokenLine(e, lines.starts.length);
            errors.add(new FieldError("line " + line, "A quoted value is not closed or has text after its closing"
                    + " quote; check the quotes on this line."));
        }
        if (!errors.isEmpty()) {
            return Result.rejected(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        if (valid.isEmpty()) {
            return Result.rejected("file", "The file has a header row but no pupils; a roll upload is the whole roll,"
                    + " so an empty one would mark every pupil as left.");
        }
        return new Result(List.copyOf(valid), List.of());
    }

    private static List<FieldError> readHeader(CSVRecord header, int line, Map<Column, Integer> columns) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Column column = Column.byHeader(header.get(i));
            if (column != null && columns.putIfAbsent(column, i) != null) {
                errors.add(new FieldError("line " + line + ": " + column.title,
                        "The column " + column.title + " appears twice in the header row."));
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                errors.add(new FieldError("line " + line + ": " + column.title,
                        "The header row has no " + column.title + " column; the roll needs "
                                + String.join(", ", Arrays.stream(Column.values()).filter(c -> c.required)
                                .map(c -> c.title).toList()) + "."));
            }
        }
        return errors;
    }

    /** A header that came out as one column but splits well on another character was saved with that separator. */
    private static String wrongDelimiter(CSVRecord header, String firstLine) {
        if (header.size() > 2) {
            return null;
        }
        if (firstLine.split(";", -1).length > 2) {
            return "semicolons";
        }
        if (firstLine.split("\t", -1).length > 2) {
            return "tabs";
        }
        if (firstLine.split("\\|", -1).length > 2) {
            return "vertical bars";
        }
        return null;
    }

    private RollLine parseLine(CSVRecord record, int line, int width, Map<Column, Integer> columns,
                               List<FieldError> errors) {
        if (record.size() != width) {
            errors.add(new FieldError("line " + line, "The line has " + record.size() + " values but the header row"
                    + " has " + width + "; check for a missing or extra comma, or a name with a comma that is not"
                    + " in quotes."));
            return null;
        }
        Cells cells = new Cells(record, line, columns, errors);
        String upn = Upns.normalise(cells.required(Column.UPN));
        if (!upn.isEmpty()) {
            if (!Upns.hasValidShape(upn)) {
                cells.error(Column.UPN, "A UPN is 13 characters: a check letter, 11 digits, then a digit or letter"
                        + " (temporary UPNs).");
            } else if (Upns.checkLetter(upn) != upn.charAt(0)) {
                cells.error(Column.UPN, "The UPN's check letter does not match its digits; check it for a typing"
                        + " error.");
            }
        }
        String forename = name(cells, Column.FORENAME);
        String surname = name(cells, Column.SURNAME);
        LocalDate dateOfBirth = cells.date(Column.DATE_OF_BIRTH, true);
        boolean birthInFuture = dateOfBirth != null && dateOfBirth.isAfter(today);
        if (birthInFuture) {
            cells.error(Column.DATE_OF_BIRTH, "The date of birth is in the future.");
        }
        Integer yearGroup = yearGroup(cells);
        Gender gender = gender(cells);
        Sen sen = sen(cells);
        Boolean pupilPremium = pupilPremium(cells);
        LocalDate admission = cells.date(Column.ADMISSION_DATE, true);
        LocalDate leaving = cells.date(Column.LEAVING_DATE, false);
        if (admission != null && leaving != null && leaving.isBefore(admission)) {
            cells.error(Column.LEAVING_DATE, "The leaving date is before the admission date.");
        }
        // A past year's leaving dates are in the past, as they should be; only a date after the year is wrong.
        if (admission != null && admission.isAfter(lastDayOfYear)) {
            cells.error(Column.ADMISSION_DATE, "The admission date is after " + academicYear + " ended ("
                    + lastDayOfYear + "); a pupil on this roll was admitted by then.");
        }
        if (leaving != null && leaving.isAfter(lastDayOfYear)) {
            cells.error(Column.LEAVING_DATE, "The leaving date is after " + academicYear + " ended ("
                    + lastDayOfYear + "); leave it empty here and give it in a later year's roll.");
        }
        if (dateOfBirth != null && !birthInFuture && admission != null && admission.isBefore(dateOfBirth)) {
            cells.error(Column.ADMISSION_DATE, "The admission date is before the date of birth.");
        }
        String curriculumArea = cells.optional(Column.CURRICULUM_AREA);
        if (curriculumArea != null && curriculumArea.length() > MAX_NAME_LENGTH) {
            cells.error(Column.CURRICULUM_AREA, "A curriculum area has at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (cells.failed) {
            return null;
        }
        return new RollLine(line, upn, forename, surname, dateOfBirth, yearGroup, gender, sen, pupilPremium,
                admission, leaving, curriculumArea);
    }

    private static String name(Cells cells, Column column) {
        String name = cells.required(column);
        if (name.length() > MAX_NAME_LENGTH) {
            cells.error(column, column.title + " has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return name;
    }

    private Integer yearGroup(Cells cells) {
        String raw = cells.required(Column.YEAR_GROUP);
        if (raw.isEmpty()) {
            return null;
        }
        Matcher m = YEAR_GROUP.matcher(raw);
        if (!m.matches()) {
            cells.error(Column.YEAR_GROUP, "A year group is a number from 7 to 13 (Y9 and Year 9 are fine too).");
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 7 || year > 13) {
            cells.error(Column.YEAR_GROUP, "Year groups are 7 to 13; this line has Year " + year + ".");
            return null;
        }
        if (!taughtYearGroups.contains(year)) {
            cells.error(Column.YEAR_GROUP, "This school does not teach Year " + year + "; it teaches Years "
                    + taughtYearGroups.first() + " to " + taughtYearGroups.last() + ".");
            return null;
        }
        return year;
    }

    private static Gender gender(Cells cells) {
        String raw = cells.required(Column.GENDER);
        if (raw.isEmpty()) {
            return null;
        }
        return switch (raw.toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE" -> Gender.FEMALE;
            case "M", "MALE" -> Gender.MALE;
            case "O", "OTHER" -> Gender.OTHER;
            case "U", "X", "NOT RECORDED", "NOT_RECORDED", "UNKNOWN" -> Gender.NOT_RECORDED;
            default -> {
                cells.error(Column.GENDER, "Gender is F, M, O (other) or U (not recorded).");
                yield null;
            }
        };
    }

    private static Sen sen(Cells cells) {
        String raw = cells.required(Column.SEN);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Sen.fromCode(raw);
        } catch (IllegalArgumentException e) {
            cells.error(Column.SEN, "SEN is N (none), K (SEN support) or E (EHC plan).");
            return null;
        }
    }

    private static Boolean pupilPremium(Cells cells) {
        String raw = cells.required(Column.PUPIL_PREMIUM);
        if (raw.isEmpty()) {
            return null;
        }
        return switch (raw.toUpperCase(Locale.ROOT)) {
            case "Y", "YES" -> true;
            case "N", "NO" -> false;
            default -> {
                cells.error(Column.PUPIL_PREMIUM, "PupilPremium is Y or N.");
                yield null;
            }
        };
    }

    /** The cells of one line, collecting problems as they are read. */
    private static final class Cells {
        private final CSVRecord record;
        private final int line;
        private final Map<Column, Integer> columns;
        private final List<FieldError> errors;
        private boolean failed;

        Cells(CSVRecord record, int line, Map<Column, Integer> columns, List<FieldError> errors) {
            this.record = record;
            this.line = line;
            this.columns = columns;
            this.errors = errors;
        }

        String optional(Column column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        String required(Column column) {
            String value = optional(column);
            if (value == null) {
                error(column, column.title + " is missing.");
                return "";
            }
            return value;
        }

        LocalDate date(Column column, boolean required) {
            String raw = required ? required(column) : optional(column);
            if (raw == null || raw.isEmpty()) {
                return null;
            }
            for (DateTimeFormatter format : List.of(ISO, UK)) {
                try {
                    return LocalDate.parse(raw, format);
                } catch (DateTimeParseException e) {
                    // try the next form
                }
            }
            error(column, DATE_SHAPE.matcher(raw).matches()
                    ? "There is no such day; check the day and the month."
                    : "Write dates as 2027-03-14 or 14/03/2027.");
            return null;
        }

        void error(Column column, String message) {
            failed = true;
            errors.add(new FieldError("line " + line + ": " + column.title, message));
        }
    }

    /** Line numbers (from 1) of character positions, so a quoted value spanning lines does not shift later lines. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long position) {
            int index = Arrays.binarySearch(starts, (int) position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }

    /** Commons CSV says "(line n)" or "(startline n)" in its message; only the number is read from it. */
    private static int brokenLine(Exception e, int lineCount) {
        Matcher m = Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return m.find() ? Math.min(lineCount, Math.max(1, Integer.parseInt(m.group(1)))) : lineCount;
    }

    static String normalisedHeader(String header) {
        return header.replace("\uFEFF", "").replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String decodeUtf8(byte[] body, int start) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                if (body[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8(line);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static final class NotUtf8 extends Exception {
        final int line;

        NotUtf8(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
