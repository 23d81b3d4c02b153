package uk.encounters.launcher.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Roughly an English school year, so that encounters fall on school days: weekdays outside the usual holidays.
 * Holiday dates move a little each year and between councils; a demo only needs them plausible.
 */
final class SchoolCalendar {

    private SchoolCalendar() {
    }

    static int academicYearStart(LocalDate date) {
        return date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
    }

    static boolean isSchoolDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        MonthDay md = MonthDay.from(date);
        return !(within(md, 10, 27, 10, 31)        // October half term
                || md.isAfter(MonthDay.of(12, 19)) || md.isBefore(MonthDay.of(1, 5))   // Christmas
                || within(md, 2, 16, 2, 20)         // February half term
                || within(md, 4, 1, 4, 14)          // Easter, near enough
                || within(md, 5, 25, 5, 29)         // May half term
                || within(md, 7, 23, 8, 31));       // summer
    }

    /** The first school day on or after the date (admissions happen on the first day of term). */
    static LocalDate firstSchoolDayFrom(LocalDate date) {
        LocalDate day = date;
        while (!isSchoolDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** A school day from {@code first} to {@code last}, or null when there is none. */
    static LocalDate schoolDayBetween(Dice dice, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return null;
        }
        for (int attempt = 0; attempt < 40; attempt++) {
            LocalDate day = dice.day(first, last);
            if (isSchoolDay(day)) {
                return day;
            }
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isSchoolDay(day)) {
                return day;
            }
        }
        return null;
    }

    private static boolean within(MonthDay day, int fromMonth, int fromDay, int toMonth, int toDay) {
        return !day.isBefore(MonthDay.of(fromMonth, fromDay)) && !day.isAfter(MonthDay.of(toMonth, toDay));
    }
}
