/**
 * Alerts: a failed step, a rejected order or a position left without its exit, as typed records that the run loop
 * raises and an adapter delivers (the log, and the optional webhook).
 */
package sextant.core.alert;
