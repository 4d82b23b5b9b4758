namespace Briefings.Core.Meetings;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed astronomically for Vietnam's time zone (UTC+7): a month
/// starts on the day of the new moon, month 11 is the one containing the winter solstice, and in a year of 13 months
/// the first month without a major solar term is the leap month. New moons and the sun's longitude follow the
/// standard low-precision series (Jean Meeus, <i>Astronomical Algorithms</i>), accurate to well within a day for
/// 1900–2100, which is all that public holidays need.
/// </summary>
public static class LunarCalendar
{
    private const double TimeZone = 7.0;
    private const double SynodicMonth = 29.530588853;

    // Julian day number of DateOnly.DayNumber 0 (1 January of year 1, proleptic Gregorian).
    private const int JulianDayOfDayZero = 1721426;

    /// <summary>The solar date of a lunar date (<paramref name="leap"/>: the leap month of that number). Throws when
    /// the lunar year has no such leap month.</summary>
    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leap = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);
        int a11, b11;
        if (lunarMonth < 11)
        {
            a11 = Month11(lunarYear - 1);
            b11 = Month11(lunarYear);
        }
        else
        {
            a11 = Month11(lunarYear);
            b11 = Month11(lunarYear + 1);
        }

        var k = (int)Math.Floor(0.5 + (a11 - 2415021.076998695) / SynodicMonth);
        var offset = lunarMonth - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (leap && lunarMonth != leapMonth)
            {
                throw new ArgumentException($"Lunar year {lunarYear} has no leap month {lunarMonth}.", nameof(leap));
            }

            if (leap || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (leap)
        {
            throw new ArgumentException($"Lunar year {lunarYear} has no leap month.", nameof(leap));
        }

        return DateOnly.FromDayNumber(NewMoonDay(k + offset) + lunarDay - 1 - JulianDayOfDayZero);
    }

    /// <summary>The first day of the lunar new year (Tết Nguyên đán) falling in solar year <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToSolar(year, 1, 1);

    // The day (Julian day number, local time) of the k-th new moon since 1 January 1900.
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZone / 24);

    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m)
            - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr)
            - 0.0004 * Math.Sin(dr * 3 * mpr)
            + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr))
            - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m))
            - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr))
            + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    // The sun's apparent longitude at Julian day jdn (UT), in radians 0..2π.
    private static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m)
            + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }

    // Which of the twelve 30° sectors the sun is in at the start of a local day (0 = from the March equinox).
    private static int SunSector(int dayNumber) => (int)Math.Floor(SunLongitude(dayNumber - 0.5 - TimeZone / 24) / Math.PI * 6);

    // The first day of lunar month 11 (the month of the winter solstice) of solar year yy.
    private static int Month11(int year)
    {
        var off = new DateOnly(year, 12, 31).DayNumber + JulianDayOfDayZero - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var newMoon = NewMoonDay(k);
        return SunSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    // In a 13-month year starting at month 11 (a11), how many months after it the leap month comes.
    private static int LeapMonthOffset(int a11)
    {
        var k = (int)Math.Floor((a11 - 2415021.076998695) / SynodicMonth + 0.5);
        var i = 1;
        var arc = SunSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
