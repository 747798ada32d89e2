package ai.stratum.server.cdp.consent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading Segment consent management's context.consent.categoryPreferences into purposes. */
class ConsentCategoriesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Analytics,        ANALYTICS",
            "performance,      ANALYTICS",
            "C0002,            ANALYTICS",
            "Advertising,      ADVERTISING",
            "Targeting,        ADVERTISING",
            "DataSharing,      ADVERTISING",
            "Data Sharing,     ADVERTISING",
            "C0004,            ADVERTISING",
            "Functional,       PERSONALIZATION",
            "Personalisation,  PERSONALIZATION",
            "c0003,            PERSONALIZATION",
            "Email,            EMAIL",
            "email_marketing,  EMAIL",
            "SMS,              SMS",
            "SmsMarketing,     SMS"})
    void mapsKnownCategoriesToPurposesInAnyCase(String category, ConsentPurpose purpose) {
        assertThat(ConsentCategories.read(context(Map.of(category, true)))).containsExactly(Map.entry(purpose, true));
        assertThat(ConsentCategories.read(context(Map.of(category, false)))).containsExactly(Map.entry(purpose, false));
    }

    @Test
    void readsEveryStatedPurposeOfOneEvent() {
        Map<String, Object> categories = new LinkedHashMap<>();
        categories.put("Advertising", false);
        categories.put("Analytics", true);
        categories.put("Functional", true);
        categories.put("C0001", true);

        assertThat(ConsentCategories.read(context(categories))).containsExactlyInAnyOrderEntriesOf(Map.of(
                ConsentPurpose.ADVERTISING, false, ConsentPurpose.ANALYTICS, true, ConsentPurpose.PERSONALIZATION, true));
    }

    @Test
    void aRefusalWinsOverAConsentForTheSamePurposeInOneEvent() {
        Map<String, Object> categories = new LinkedHashMap<>();
        categories.put("Advertising", true);
        categories.put("Targeting", false);
        categories.put("Marketing", true);

        assertThat(ConsentCategories.read(context(categories))).containsExactly(Map.entry(ConsentPurpose.ADVERTISING, false));
    }

    @Test
    void statesNothingWithoutConsentOrForValuesThatAreNotBooleans() {
        assertThat(ConsentCategories.read(Map.of())).isEmpty();
        assertThat(ConsentCategories.read(Map.of("consent", "yes"))).isEmpty();
        assertThat(ConsentCategories.read(Map.of("consent", Map.of("categoryPreferences", List.of("Analytics"))))).isEmpty();
        assertThat(ConsentCategories.read(context(Map.of("Analytics", "true", "Advertising", 1, "Unknown", true)))).isEmpty();
    }

    private static Map<String, Object> context(Map<String, Object> categoryPreferences) {
        return Map.of("consent", Map.of("categoryPreferences", categoryPreferences));
    }
}
