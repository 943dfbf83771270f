package io.threadline.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void noArgumentsGiveTheLocalStackDefaults() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options).isEqualTo(BenchmarkOptions.DEFAULTS);
        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.history()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(options.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.mongoConnectionString()).isEqualTo("mongodb://localhost:27017");
        assertThat(options.customers()).isEqualTo(1000);
        assertThat(options.messages()).isEqualTo(10_000);
        assertThat(options.concurrency()).isEqualTo(64);
        assertThat(options.channels()).containsExactly("email", "sms", "chat", "whatsapp");
        assertThat(options.yardstickRecords()).isEqualTo(200_000);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.markdown()).isFalse();
        assertThat(options.ingestOnly()).isFalse();
        assertThat(options.apiKey()).isEqualTo(BenchmarkOptions.DEV_API_KEY);
    }

    @Test
    void everyOptionCanBeOverriddenInBothSpellings() {
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--gateway", "http://gw.test:9000/", "--history=https://history.test",
                "--kafka", "k1:9092,k2:9093", "--mongo", "mongodb://db.test:27018/?replicaSet=rs0",
                "--customers", "100", "--messages=1_000", "--concurrency", "8", "--channels", "sms, chat",
                "--yardstick-records", "0", "--timeout", "2m", "--markdown", "--ingest-only", "--api-key=k-123");

        assertThat(options.gateway()).isEqualTo(URI.create("http://gw.test:9000"));
        assertThat(options.history()).isEqualTo(URI.create("https://history.test"));
        assertThat(options.kafkaBootstrapServers()).isEqualTo("k1:9092,k2:9093");
        assertThat(options.mongoConnectionString()).isEqualTo("mongodb://db.test:27018/?replicaSet=rs0");
        assertThat(options.customers()).isEqualTo(100);
        assertThat(options.messages()).isEqualTo(1000);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.channels()).containsExactly("sms", "chat");
        assertThat(options.yardstickRecords()).isZero();
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.markdown()).isTrue();
        assertThat(options.ingestOnly()).isTrue();
        assertThat(options.apiKey()).isEqualTo("k-123");
    }

    @ParameterizedTest
    @CsvSource({"300, PT5M", "45s, PT45S", "1500ms, PT1.5S", "1h, PT1H", "PT90S, PT1M30S", "pt2m, PT2M"})
    void timeoutsReadCommonSpellings(String value, String expected) {
        assertThat(BenchmarkOptions.parse("--timeout", value).timeout()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "--customers|abc|--customers must be a whole number, got 'abc'",
            "--customers|0|--customers must be between 1 and 1000000, got 0",
            "--messages|-5|--messages must be between 1 and 10000000, got -5",
            "--concurrency|99999|--concurrency must be between 1 and 4096, got 99999",
            "--yardstick-records|1.5|--yardstick-records must be a whole number, got '1.5'",
            "--timeout|soon|--timeout must be a duration such as 300s, 5m, 1h or PT5M, got 'soon'",
            "--timeout|0s|--timeout must be longer than zero, got '0s'",
            "--gateway|localhost:8080|--gateway must be an http(s) URL such as http://localhost:8080, got 'localhost:8080'",
            "--history|ftp://h.test|--history must be an http(s) URL such as http://localhost:8080, got 'ftp://h.test'",
            "--kafka|localhost|--kafka must be host:port[,host:port...], got 'localhost'",
            "--mongo|localhost:27017|--mongo must be a connection string starting with mongodb://, got 'localhost:27017'",
            "--channels|email,SMS|'SMS' is not a channel name",
            "--channels|email,email|--channels lists 'email' twice"})
    void badValuesAreRejectedNamingTheOption(String option, String value, String message) {
        assertThatThrownBy(() -> BenchmarkOptions.parse(option, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void unknownOptionsMissingValuesAndStrayArgumentsAreRejected() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--users", "5"))
                .hasMessage("unknown option --users (see --help)");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--messages"))
                .hasMessage("--messages needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--messages", "--markdown"))
                .hasMessage("--messages needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--markdown=yes"))
                .hasMessage("--markdown takes no value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("1000"))
                .hasMessage("unexpected argument '1000': options start with --");
    }

    @Test
    void helpIsRecognisedAnywhere() {
        assertThat(BenchmarkOptions.wantsHelp("--customers", "5", "--help")).isTrue();
        assertThat(BenchmarkOptions.wantsHelp("-h")).isTrue();
        assertThat(BenchmarkOptions.wantsHelp("--markdown")).isFalse();
        assertThat(BenchmarkOptions.USAGE).contains("--yardstick-records", "--timeout", "--markdown");
    }

    @Test
    void mainExitsWithTwoAndAClearMessageOnBadOptions() throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = BenchmarkMain.run(new String[] {"--customers", "many"}, new PrintStream(out),
                new PrintStream(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--customers must be a whole number, got 'many'", "--help");
        assertThat(out.toString()).isEmpty();
    }
}
