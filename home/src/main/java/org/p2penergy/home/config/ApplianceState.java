package org.p2penergy.home.config;

/** A named operating state of an appliance and its nominal power draw above the noise floor. */
public record ApplianceState(String name, double watts) {}
