package sextant.core.calendar;

/** Why NYSE is closed on a weekday: one of its ten regular holidays (as observed), or an announced closure. */
public enum NyseHoliday {
    NEW_YEARS_DAY,
    MARTIN_LUTHER_KING_JR_DAY,
    WASHINGTONS_BIRTHDAY,
    GOOD_FRIDAY,
    MEMORIAL_DAY,
    JUNETEENTH,
    INDEPENDENCE_DAY,
    LABOR_DAY,
    THANKSGIVING_DAY,
    CHRISTMAS_DAY,
    /** A closure NYSE announced outside its rules (a national day of mourning, a storm); see NyseSpecialClosures. */
    SPECIAL_CLOSURE
}
