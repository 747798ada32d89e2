package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.ZoneOffset;

/**
 * {@code GET /act_{id}}: the ad account's fields {@code id} ({@code act_<digits>}), {@code account_id},
 * {@code name}, {@code currency}, {@code timezone_name}, {@code timezone_offset_hours_utc} (a JSON
 * number, today's offset) and {@code account_status} (1, active). Without {@code fields} Graph gives
 * {@code account_id} and {@code id}.
 */
final class AccountNode {

    private static final String NODE_TYPE = "AdAccount";

    private AccountNode() {
    }

    static ObjectNode render(SimulatedAccount account, Fields fields) {
        ObjectNode node = Json.object();
        for (String field : fields.names()) {
            switch (field) {
                case "id" -> node.put("id", "act_" + Nodes.accountDigits(account));
                case "account_id" -> node.put("account_id", Nodes.accountDigits(account));
                case "name" -> node.put("name", account.name());
                case "currency" -> node.put("currency", account.currency());
                case "timezone_name" -> node.put("timezone_name", account.zone().getId());
                case "timezone_offset_hours_utc" -> {
                    ZoneOffset offset = account.zone().getRules().getOffset(account.clock().instant());
                    node.put("timezone_offset_hours_utc", BigDecimal.valueOf(offset.getTotalSeconds(), 0)
                            .divide(BigDecimal.valueOf(3600)));
                }
                case "account_status" -> node.put("account_status", 1);
                default -> throw GraphErrors.nonexistingField(field, NODE_TYPE);
            }
        }
        if (!fields.has("id")) {
            node.put("id", "act_" + Nodes.accountDigits(account));
        }
        return node;
    }
}
