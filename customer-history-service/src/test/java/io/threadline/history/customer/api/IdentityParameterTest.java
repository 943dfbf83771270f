package io.threadline.history.customer.api;

import io.threadline.servicekit.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityParameterTest {

    @ParameterizedTest
    @CsvSource({
            "email:Alice@Example.COM, email:alice@example.com",
            "sms:+15550100,           sms:+15550100",
            "chat: visitor-42 ,       chat:visitor-42",
            "telegram:User:With:Colons, telegram:User:With:Colons"
    })
    void normalizesTheKeyLikeTheContracts(String parameter, String key) {
        assertThat(IdentityParameter.toIdentityKey(parameter)).isEqualTo(key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"alice@example.com", "email:", ":alice@example.com", "E-Mail:alice@example.com", "   "})
    void rejectsAnythingButChannelColonAddressNamingTheParameter(String parameter) {
        assertThatThrownBy(() -> IdentityParameter.toIdentityKey(parameter))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.toProblem("/x").errors()).singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("identity"));
                });
    }
}
