package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.GoogleFields.Field;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a row as a {@code GoogleAdsRow} in JSON: one object per resource ({@code campaign},
 * {@code campaignBudget}, {@code metrics}, {@code segments}), lowerCamelCase field names, int64
 * values as strings, doubles and int32 as numbers, enums and dates as strings, unset fields left
 * out. Each resource object also carries its {@code resourceName}, which Google always returns
 * (the queried resource's even when none of its fields is selected, unless
 * {@code omit_unselected_resource_names} is set).
 */
final class RowRenderer {

    /** Each field's JSON path, worked out once: a report renders the same few fields on every one of its rows. */
    private static final Map<String, String[]> JSON_PATHS = new ConcurrentHashMap<>();

    private RowRenderer() {
    }

    static ObjectNode render(Map<String, Object> row, CompiledQuery query) {
        ObjectNode node = GoogleJson.object();
        Set<String> resources = new LinkedHashSet<>();
        if (!query.omitUnselectedResourceNames()) {
            resources.add(query.from());
        }
        for (Field field : query.select()) {
            if (!field.isMetric() && !field.isSegment()) {
                resources.add(field.resource());
            }
        }
        for (String resource : resources) {
            Object name = row.get(resource + ".resource_name");
            if (name != null) {
                object(node, GoogleJson.camel(resource)).put("resourceName", name.toString());
            }
        }
        for (Field field : query.select()) {
            put(node, field, row.get(field.name()));
        }
        return node;
    }

    /** @return every field of the resource written the same way, as a mutate's MUTABLE_RESOURCE answer shows it */
    static ObjectNode resource(Map<String, Object> row, String resource) {
        ObjectNode node = GoogleJson.object();
        for (Field field : GoogleFields.of(resource)) {
            put(node, field, row.get(field.name()));
        }
        return (ObjectNode) node.path(GoogleJson.camel(resource));
    }

    /** @return the field mask of the answer: the selected fields in lowerCamelCase, in order */
    static String fieldMask(List<Field> select) {
        return String.join(",", select.stream().map(field -> GoogleJson.camelPath(field.name())).toList());
    }

    private static void put(ObjectNode node, Field field, Object value) {
        if (value == null) {
            return;
        }
        String[] path = JSON_PATHS.computeIfAbsent(field.name(),
                dotted -> Arrays.stream(dotted.split("\\.")).map(GoogleJson::camel).toArray(String[]::new));
        ObjectNode parent = node;
        for (int i = 0; i < path.length - 1; i++) {
            parent = object(parent, path[i]);
        }
        String name = path[path.length - 1];
        switch (field.kind()) {
            case INT64 -> parent.put(name, value.toString());
            case INT32 -> parent.put(name, ((Number) value).longValue());
            case DOUBLE -> parent.put(name, (BigDecimal) value);
            case BOOL -> parent.put(name, (Boolean) value);
            case STRING, ENUM, DATE, RESOURCE_NAME -> parent.put(name, value.toString());
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
    }
}
