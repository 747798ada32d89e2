package ai.stratum.server.ml.anomaly;

import ai.stratum.sandbox.simulation.DayOutcome;

/** Faults written into a sandbox day, each the kind of day an anomaly detector exists to catch. */
enum InjectedFault {
    /** A budget or bid mistake: three times the spend and reach, the same conversions. */
    RUNAWAY_SPEND {
        @Override
        DayOutcome apply(DayOutcome day) {
            return new DayOutcome(day.campaignId(), day.date(), day.spendMicros() * 3, day.impressions() * 3, day.clicks() * 3,
                    day.conversions(), day.revenueMicros());
        }
    },
    /** The pixel or Conversions API stopped reporting: spend as usual, no conversions. */
    TRACKING_LOST {
        @Override
        DayOutcome apply(DayOutcome day) {
            return new DayOutcome(day.campaignId(), day.date(), day.spendMicros(), day.impressions(), day.clicks(), 0, 0);
        }
    },
    /** A broken landing page or creative: a third of the clicks and of what they buy. */
    CTR_COLLAPSE {
        @Override
        DayOutcome apply(DayOutcome day) {
            return new DayOutcome(day.campaignId(), day.date(), day.spendMicros(), day.impressions(), day.clicks() / 3,
                    day.conversions() / 3, day.revenueMicros() / 3);
        }
    },
    /** Purchases reported four times over (a duplicated event). */
    REVENUE_SPIKE {
        @Override
        DayOutcome apply(DayOutcome day) {
            return new DayOutcome(day.campaignId(), day.date(), day.spendMicros(), day.impressions(), day.clicks(),
                    day.conversions() * 4, day.revenueMicros() * 4);
        }
    },
    /** Delivery nearly stopped: a quarter of everything. */
    DELIVERY_DROP {
        @Override
        DayOutcome apply(DayOutcome day) {
            return new DayOutcome(day.campaignId(), day.date(), day.spendMicros() / 4, day.impressions() / 4, day.clicks() / 4,
                    day.conversions() / 4, day.revenueMicros() / 4);
        }
    },
    /** The purchase value sent in the wrong unit: conversions as usual, a fifth of the revenue. */
    VALUE_DROP {
        @Override
        DayOutcome apply(DayOutcome day) {
            return new DayOutcome(day.campaignId(), day.date(), day.spendMicros(), day.impressions(), day.clicks(),
                    day.conversions(), day.revenueMicros() / 5);
        }
    };

    abstract DayOutcome apply(DayOutcome day);
}
