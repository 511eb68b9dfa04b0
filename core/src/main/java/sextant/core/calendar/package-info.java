/**
 * Market calendars without I/O: NYSE sessions from built-in rules (holidays, early closes and special closures,
 * tested against the published 2024-2027 lists), crypto around the clock, and the fallback that prefers a broker's
 * calendar (Alpaca's /v2/calendar) and uses the rules when it cannot be asked.
 */
package sextant.core.calendar;
