/**
 * The command line: configuration validated once, components built with plain constructors ({@code Wiring}),
 * one picocli command per file.
 */
package sextant.app;
