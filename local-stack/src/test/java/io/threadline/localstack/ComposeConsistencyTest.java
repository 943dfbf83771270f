package io.threadline.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.threadline.contracts.Topics;
import io.threadline.localstack.launcher.LocalStack;
import io.threadline.localstack.launcher.Service;
import io.threadline.localstack.launcher.StackPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker-compose.yml and the embedded local stack describe the same system: the same ports, the same
 * environment keys (each one a property the service really reads), the same topics. This test keeps them
 * from drifting apart, without needing Docker.
 */
class ComposeConsistencyTest {

    private static final String KAFKA = "kafka";
    private static final String KAFKA_INIT = "kafka-init";
    private static final String MONGODB = "mongodb";

    private static Path repository;
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        repository = repositoryRoot();
        JsonNode compose = new YAMLMapper().readTree(repository.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        assertThat(services.isObject()).as("docker-compose.yml has a services: mapping").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void servicePublishesItsLocalStackPort(Service service) {
        int port = StackPorts.DEFAULTS.port(service);

        assertThat(portMappings(composeService(service.moduleName())))
                .as("ports of %s in docker-compose.yml", service.moduleName())
                .containsExactly(new PortMapping(port, port));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceEnvironmentMatchesTheLocalStack(Service service) {
        Map<String, String> environment = environment(composeService(service.moduleName()));
        Map<String, String> localStack = LocalStack.serviceEnvironment(service, StackPorts.DEFAULTS, null);

        assertThat(environment.keySet())
                .as("environment keys of %s in docker-compose.yml", service.moduleName())
                .containsExactlyInAnyOrderElementsOf(localStack.keySet());
        assertThat(environment.get("QUARKUS_HTTP_PORT"))
                .as("QUARKUS_HTTP_PORT of %s", service.moduleName())
                .isEqualTo(String.valueOf(StackPorts.DEFAULTS.port(service)));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyEnvironmentKeyOverridesAPropertyTheServiceDefines(Service service) throws IOException {
        Path file = repository.resolve(service.moduleName()).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            fail("%s does not exist: the environment of %s in docker-compose.yml must override properties"
                    + " that file defines", repository.relativize(file), service.moduleName());
        }
        // Profile-specific keys (%dev., %test.) do not count: the containers run the prod profile.
        Map<String, String> propertyByEnvName = new HashMap<>();
        for (String key : readProperties(file).stringPropertyNames()) {
            if (!key.startsWith("%")) {
                propertyByEnvName.put(envName(key), key);
            }
        }

        for (String envKey : environment(composeService(service.moduleName())).keySet()) {
            assertThat(propertyByEnvName)
                    .as("%s sets %s, so %s must define the property it overrides", service.moduleName(), envKey,
                            repository.relativize(file))
                    .containsKey(envKey);
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceReachesKafkaAndMongoInsideTheComposeNetwork(Service service) {
        Map<String, String> environment = environment(composeService(service.moduleName()));
        Map<String, String> kafka = environment(composeService(KAFKA));

        String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        List<String> advertised = Arrays.stream(kafka.get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .map(listener -> listener.substring(listener.indexOf("://") + 3))
                .toList();
        assertThat(advertised).as("Kafka's advertised listeners").contains(bootstrap);
        assertThat(bootstrap).as("KAFKA_BOOTSTRAP_SERVERS of %s (inside a container localhost is itself)",
                service.moduleName()).startsWith(KAFKA + ":");

        assertThat(environment.get("QUARKUS_MONGODB_CONNECTION_STRING"))
                .as("QUARKUS_MONGODB_CONNECTION_STRING of %s", service.moduleName())
                .startsWith("mongodb://" + MONGODB + ":" + StackPorts.DEFAULTS.mongo() + "/")
                .contains("replicaSet=" + mongoReplicaSetName());
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceIsBuiltFromItsDockerfileAndWaitsForItsInfrastructure(Service service) {
        JsonNode composeService = composeService(service.moduleName());

        JsonNode build = composeService.path("build");
        assertThat(Path.of(build.path("context").asText()).normalize())
                .as("build context of %s", service.moduleName())
                .isEqualTo(Path.of(service.moduleName()));
        assertThat(build.path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
        assertThat(repository.resolve(service.moduleName()).resolve("src/main/docker/Dockerfile.jvm"))
                .as("Dockerfile of %s", service.moduleName())
                .isRegularFile();

        JsonNode dependsOn = composeService.path("depends_on");
        assertThat(dependsOn.path(KAFKA).path("condition").asText()).isEqualTo("service_healthy");
        assertThat(dependsOn.path(MONGODB).path("condition").asText()).isEqualTo("service_healthy");
        assertThat(dependsOn.path(KAFKA_INIT).path("condition").asText())
                .isEqualTo("service_completed_successfully");

        assertThat(composeService.path("healthcheck").path("test").toString())
                .as("health check of %s", service.moduleName())
                .contains("http://localhost:" + StackPorts.DEFAULTS.port(service) + "/q/health/ready");
    }

    @Test
    void kafkaPublishesOnlyItsHostListener() {
        int port = StackPorts.DEFAULTS.kafka();

        assertThat(portMappings(composeService(KAFKA))).containsExactly(new PortMapping(port, port));
        assertThat(environment(composeService(KAFKA)).get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("//localhost:" + port);
    }

    @Test
    void mongoPublishesItsPort() {
        int port = StackPorts.DEFAULTS.mongo();

        assertThat(portMappings(composeService(MONGODB))).containsExactly(new PortMapping(port, port));
    }

    @Test
    void kafkaInitCreatesEveryContractTopic() {
        Map<String, String> environment = environment(composeService(KAFKA_INIT));

        assertThat(new TreeSet<>(Arrays.asList(environment.get("TOPICS").trim().split("\\s+"))))
                .as("TOPICS of kafka-init")
                .containsExactlyElementsOf(new TreeSet<>(Topics.ALL));
        assertThat(environment.get("PARTITIONS")).isEqualTo("3");
    }

    @Test
    void noTwoServicesPublishTheSameHostPort() {
        Map<Integer, List<String>> publishers = new LinkedHashMap<>();
        services.properties().forEach(service -> portMappings(service.getValue()).forEach(mapping ->
                publishers.computeIfAbsent(mapping.host(), p -> new ArrayList<>()).add(service.getKey())));

        assertThat(publishers).allSatisfy((port, names) ->
                assertThat(names).as("services publishing host port %d", port).hasSize(1));
    }

    @ParameterizedTest
    @CsvSource({
            "quarkus.http.port, QUARKUS_HTTP_PORT",
            "kafka.bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS",
            "quarkus.mongodb.connection-string, QUARKUS_MONGODB_CONNECTION_STRING",
            "quarkus.log.category.\"io.threadline\".level, QUARKUS_LOG_CATEGORY__IO_THREADLINE__LEVEL"})
    void envNameFollowsMicroProfileConfigRules(String property, String expected) {
        assertThat(envName(property)).isEqualTo(expected);
    }

    @Test
    void portMappingsReadShortAndLongSyntax() throws IOException {
        JsonNode service = new YAMLMapper().readTree("""
                ports:
                  - "8080:8080"
                  - 127.0.0.1:9000:9001/tcp
                  - "7000"
                  - target: 5000
                    published: "5001"
                """);

        assertThat(portMappings(service)).containsExactly(new PortMapping(8080, 8080),
                new PortMapping(9000, 9001), new PortMapping(0, 7000), new PortMapping(5001, 5000));
    }

    /** A published port; host 0 when Compose picks an ephemeral one. */
    record PortMapping(int host, int container) {
    }

    private static JsonNode composeService(String name) {
        JsonNode service = services.get(name);
        if (service == null || !service.isObject()) {
            fail("docker-compose.yml has no service %s (it has %s)", name, serviceNames());
        }
        return service;
    }

    private static List<String> serviceNames() {
        return services.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static List<PortMapping> portMappings(JsonNode service) {
        List<PortMapping> mappings = new ArrayList<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isObject()) {
                mappings.add(new PortMapping(port.path("published").asInt(0), port.path("target").asInt()));
            } else {
                // [ip:][host:]container[/protocol]
                String[] parts = port.asText().replaceFirst("/\\w+$", "").split(":");
                int container = Integer.parseInt(parts[parts.length - 1]);
                int host = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : 0;
                mappings.add(new PortMapping(host, container));
            }
        }
        return mappings;
    }

    /** The environment in either Compose form: a mapping, or a list of KEY=VALUE. */
    private static Map<String, String> environment(JsonNode service) {
        JsonNode environment = service.path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment.isObject()) {
            environment.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        } else {
            for (JsonNode entry : environment) {
                String[] keyValue = entry.asText().split("=", 2);
                values.put(keyValue[0], keyValue.length == 2 ? keyValue[1] : null);
            }
        }
        return values;
    }

    private static String mongoReplicaSetName() {
        List<String> command = new ArrayList<>();
        composeService(MONGODB).path("command").forEach(arg -> command.add(arg.asText()));
        int flag = command.indexOf("--replSet");
        assertThat(flag).as("mongodb command %s has --replSet <name>", command).isBetween(0, command.size() - 2);
        return command.get(flag + 1);
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    private static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Properties readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Maven runs the tests in local-stack/; an IDE may run them in the repository root. */
    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docker-compose.yml next to a local-stack folder in " + start
                + " or above it");
    }
}
