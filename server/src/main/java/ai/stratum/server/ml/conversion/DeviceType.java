package ai.stratum.server.ml.conversion;

/** The device a session is on. Seed 001's values, upper-cased; the model reads the ordinal. */
public enum DeviceType {
    MOBILE,
    DESKTOP,
    TABLET
}
