package ai.stratum.server.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {

    @ParameterizedTest(name = "{0} grants {1}: {2}")
    @CsvSource({
            "SUPER_ADMIN,  SUPER_ADMIN,  true",
            "TENANT_ADMIN, SUPER_ADMIN,  false",
            "TENANT_ADMIN, TENANT_ADMIN, true",
            "TENANT_ADMIN, VIEWER,       true",
            "MEDIA_BUYER,  TENANT_ADMIN, false",
            "MEDIA_BUYER,  DATA_ANALYST, true",
            "DATA_ANALYST, MEDIA_BUYER,  false",
            "VIEWER,       DATA_ANALYST, false",
            "VIEWER,       VIEWER,       true"})
    void grantsOnlyAtOrBelowItsOwnRank(Role holder, Role granted, boolean allowed) {
        assertThat(holder.canGrant(granted)).isEqualTo(allowed);
    }
}
