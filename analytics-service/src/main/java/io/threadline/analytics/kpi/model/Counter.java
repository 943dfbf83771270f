package io.threadline.analytics.kpi.model;

/** Names of the counted facts inside a {@link Tally}. */
public final class Counter {

    public static final String CREATED = "created";
    /** Transitions into SOLVED (a ticket solved twice counts twice). */
    public static final String SOLVED = "solved";
    /** Transitions out of SOLVED back to an unsolved status. */
    public static final String REOPENED = "reopened";
    /** Tickets merged into another (counted on the source ticket). */
    public static final String MERGED = "merged";
    public static final String MESSAGES_RECEIVED = "received";
    public static final String REPLIES = "replies";
    public static final String CUSTOMERS_REGISTERED = "customers";
    /** Tickets solved for the first time: the denominator of the FCR and reopen rates. */
    public static final String FIRST_SOLVED = "firstSolved";
    /** Of {@link #FIRST_SOLVED}: solved with exactly one agent reply and never reopened. */
    public static final String FIRST_CONTACT_RESOLVED = "fcr";
    /** Of {@link #FIRST_SOLVED}: reopened at least once afterwards. */
    public static final String REOPENED_AFTER_SOLVE = "reopenedAfterSolve";
    public static final String CSAT_RESPONSES = "csat.n";
    public static final String CSAT_SATISFIED = "csat.sat";
    public static final String NPS_RESPONSES = "nps.n";
    public static final String NPS_PROMOTERS = "nps.pro";
    public static final String NPS_DETRACTORS = "nps.det";

    private Counter() {
    }
}
