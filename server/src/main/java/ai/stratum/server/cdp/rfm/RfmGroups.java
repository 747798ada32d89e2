package ai.stratum.server.cdp.rfm;

/**
 * The standard RFM segment map: the group of a recency score and an "FM" score, the mean of the
 * frequency and monetary scores rounded half up. Rows are recency 5 to 1, columns FM 1 to 5:
 *
 * <pre>
 *   R\FM  1               2                    3                    4                 5
 *   5     NEW_CUSTOMERS   POTENTIAL_LOYALISTS  POTENTIAL_LOYALISTS  CHAMPIONS         CHAMPIONS
 *   4     PROMISING       POTENTIAL_LOYALISTS  POTENTIAL_LOYALISTS  LOYAL_CUSTOMERS   LOYAL_CUSTOMERS
 *   3     ABOUT_TO_SLEEP  ABOUT_TO_SLEEP       NEED_ATTENTION       LOYAL_CUSTOMERS   LOYAL_CUSTOMERS
 *   2     HIBERNATING     HIBERNATING          AT_RISK              AT_RISK           CANNOT_LOSE_THEM
 *   1     LOST            HIBERNATING          AT_RISK              AT_RISK           CANNOT_LOSE_THEM
 * </pre>
 *
 * It is the widely used ten-group R×F map ("[1-2][1-2]" Hibernating, "[1-2][3-4]" At Risk, "[1-2]5"
 * Can't Lose Them, "3[1-2]" About To Sleep, "33" Need Attention, "[3-4][4-5]" Loyal, "41" Promising,
 * "51" New, "[4-5][2-3]" Potential Loyalists, "5[4-5]" Champions) with monetary folded into F, and the
 * weakest cell (1, 1) split off as LOST.
 */
public final class RfmGroups {

    private static final RfmGroup[][] MAP = {
            // recency 1
            {RfmGroup.LOST, RfmGroup.HIBERNATING, RfmGroup.AT_RISK, RfmGroup.AT_RISK, RfmGroup.CANNOT_LOSE_THEM},
            // recency 2
            {RfmGroup.HIBERNATING, RfmGroup.HIBERNATING, RfmGroup.AT_RISK, RfmGroup.AT_RISK, RfmGroup.CANNOT_LOSE_THEM},
            // recency 3
            {RfmGroup.ABOUT_TO_SLEEP, RfmGroup.ABOUT_TO_SLEEP, RfmGroup.NEED_ATTENTION, RfmGroup.LOYAL_CUSTOMERS, RfmGroup.LOYAL_CUSTOMERS},
            // recency 4
            {RfmGroup.PROMISING, RfmGroup.POTENTIAL_LOYALISTS, RfmGroup.POTENTIAL_LOYALISTS, RfmGroup.LOYAL_CUSTOMERS,
                    RfmGroup.LOYAL_CUSTOMERS},
            // recency 5
            {RfmGroup.NEW_CUSTOMERS, RfmGroup.POTENTIAL_LOYALISTS, RfmGroup.POTENTIAL_LOYALISTS, RfmGroup.CHAMPIONS, RfmGroup.CHAMPIONS},
    };

    private RfmGroups() {
    }

    /** @return the group of scores, each 1 to 5 */
    public static RfmGroup of(int recency, int frequency, int monetary) {
        check(recency, "recency");
        check(frequency, "frequency");
        check(monetary, "monetary");
        return MAP[recency - 1][fm(frequency, monetary) - 1];
    }

    /** The mean of frequency and monetary, rounded half up: (4, 5) is 5, (1, 2) is 2. */
    static int fm(int frequency, int monetary) {
        return (frequency + monetary + 1) / 2;
    }

    private static void check(int score, String name) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " score " + score + " is not 1 to 5");
        }
    }
}
