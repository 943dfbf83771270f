package io.threadline.servicekit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.threadline.contracts.ContractJson;
import jakarta.inject.Singleton;

/** Applies the contracts' JSON settings to the ObjectMapper Quarkus uses for REST and Kafka. */
@Singleton
public class ContractJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ContractJson.configure(mapper);
    }
}
