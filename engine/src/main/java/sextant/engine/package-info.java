/**
 * The cycle: {@link sextant.engine.CycleEngine} runs bars, forecasts, backtests, decisions, portfolio, order plan,
 * broker and ledger, each phase timed, against ports only.
 */
package sextant.engine;
