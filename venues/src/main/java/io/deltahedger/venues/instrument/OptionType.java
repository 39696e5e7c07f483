package io.deltahedger.venues.instrument;

/** The right an option gives. */
public enum OptionType {
    CALL,
    PUT
}
