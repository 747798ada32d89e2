package ai.stratum.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "12.34,     USD, 12340000",
        "0.000001,  USD, 1",
        "1500,      JPY, 1500000000",
        "-0.5,      EUR, -500000",
        "' 7.10 ',  GBP, 7100000"
    })
    void parsesDecimalAmountsExactly(String decimal, String currency, long micros) {
        assertThat(Money.parse(decimal, currency)).isEqualTo(new Money(micros, currency));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0000001", "abc", "1e30"})
    void refusesAmountsFinerThanAMicroOrNotNumbers(String decimal) {
        assertThatThrownBy(() -> Money.parse(decimal, "USD")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "1234, USD, 12340000",
        "1500, JPY, 1500000000",
        "1234, KWD, 1234000"
    })
    void convertsMinorUnitsByTheCurrencysFractionDigits(long minor, String currency, long micros) {
        Money money = Money.ofMinorUnits(minor, currency);

        assertThat(money.micros()).isEqualTo(micros);
        assertThat(money.toMinorUnits()).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource({"12340000, 12.34", "100000000, 100", "1, 0.000001", "0, 0"})
    void rendersPlainDecimals(long micros, String decimal) {
        assertThat(new Money(micros, "USD").toDecimal().toPlainString()).isEqualTo(decimal);
        assertThat(new Money(micros, "USD").toDecimal().toString()).isEqualTo(decimal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "ZZZ"})
    void refusesWhatIsNotAnIsoCurrencyCode(String currency) {
        assertThatThrownBy(() -> new Money(1, currency)).isInstanceOf(IllegalArgumentException.class);
    }
}
