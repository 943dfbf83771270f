package io.threadline.contracts.events;

/** The satisfaction surveys Threadline records, with the range of their scores. */
public enum SurveyKind {
    /** Customer satisfaction, 1 (very unsatisfied) to 5 (very satisfied); 4 and 5 count as satisfied. */
    CSAT(1, 5),
    /** Net promoter score, 0 to 10; 9-10 promoters, 0-6 detractors. */
    NPS(0, 10);

    private final int minScore;
    private final int maxScore;

    SurveyKind(int minScore, int maxScore) {
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    public int minScore() {
        return minScore;
    }

    public int maxScore() {
        return maxScore;
    }

    public boolean accepts(int score) {
        return score >= minScore && score <= maxScore;
    }
}
