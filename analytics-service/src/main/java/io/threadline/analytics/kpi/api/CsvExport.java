package io.threadline.analytics.kpi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's series as CSV: one row per bucket (and breakdown value), a column per value; nested values such as a
 * clock's median become dotted columns ({@code firstResponse.medianSeconds}). Empty cells are nulls.
 */
@ApplicationScoped
public class CsvExport {

    private final ObjectMapper json;
    // Quote a cell only when it needs it (a comma, quote or line break), not by length.
    private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    public CsvExport(ObjectMapper json) {
        this.json = json;
    }

    public String write(KpiReport<?> report) {
        List<String> columns = new ArrayList<>();
        columns.add("start");
        if (report.by() != null) {
            columns.add(report.by());
        }
        columns.addAll(flatten(json.valueToTree(report.totals())).keySet());
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<Map<String, String>> rows = new ArrayList<>();
        for (KpiPoint<?> point : report.series()) {
            rows.add(flatten(json.valueToTree(point)));
        }
        try {
            return csv.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write CSV", e);
        }
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                flatten(prefix + field.getKey() + ".", field.getValue(), into);
            } else {
                into.put(prefix + field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
            }
        }
    }
}
