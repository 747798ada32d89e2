package ai.stratum.server.ml.conversion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The UCI "Online Shoppers Purchasing Intention" sessions (CC BY 4.0; see
 * {@code src/test/resources/datasets/README.md}) mapped onto seed 001's nine inputs as well as they go:
 * <ul>
 *   <li>{@code session_duration}: the three page types' durations added up, in seconds (a negative
 *   duration, the dataset's "unknown", counts as 0);</li>
 *   <li>{@code pages_viewed}: the three page counts added up;</li>
 *   <li>{@code cart_value}: {@code PageValues}, the mean value of the pages seen before a purchase — the
 *   dataset's nearest thing to money in the cart;</li>
 *   <li>{@code user_segment}: {@code New_Visitor} is NEW, {@code Returning_Visitor} and {@code Other}
 *   RETURNING (the dataset cannot tell high-value customers);</li>
 *   <li>{@code items_in_cart}, {@code time_since_last_visit}, {@code previous_purchases}: not recorded, 0;
 *   {@code device_type} and {@code traffic_source}: recorded only as anonymised codes, so DESKTOP and
 *   ORGANIC for every session;</li>
 *   <li>converted: {@code Revenue}.</li>
 * </ul>
 */
public final class OnlineShoppers {

    /** Where the copy of the dataset is on the test class path. */
    public static final String RESOURCE = "/datasets/online_shoppers_intention.csv";

    private static final List<String> HEADER = List.of("Administrative", "Administrative_Duration", "Informational",
            "Informational_Duration", "ProductRelated", "ProductRelated_Duration", "BounceRates", "ExitRates",
            "PageValues", "SpecialDay", "Month", "OperatingSystems", "Browser", "Region", "TrafficType",
            "VisitorType", "Weekend", "Revenue");

    private OnlineShoppers() {
    }

    /** @return every session, in file order */
    public static SessionDataset load() {
        try (InputStream in = OnlineShoppers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!Arrays.asList(header.split(",")).equals(HEADER)) {
                throw new IllegalStateException("unexpected header: " + header);
            }
            SessionDataset.Builder rows = new SessionDataset.Builder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",");
                    rows.add(session(cells), yes(cells[17]));
                }
            }
            return rows.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionFeatures session(String[] cells) {
        int pages = (int) (Double.parseDouble(cells[0]) + Double.parseDouble(cells[2]) + Double.parseDouble(cells[4]));
        double seconds = Math.max(0, Double.parseDouble(cells[1])) + Math.max(0, Double.parseDouble(cells[3]))
                + Math.max(0, Double.parseDouble(cells[5]));
        UserSegment segment = "New_Visitor".equals(cells[15]) ? UserSegment.NEW : UserSegment.RETURNING;
        return new SessionFeatures(seconds, pages, Double.parseDouble(cells[8]), 0, 0, 0, DeviceType.DESKTOP,
                TrafficSource.ORGANIC, segment);
    }

    private static boolean yes(String cell) {
        return switch (cell) {
            case "YES", "TRUE" -> true;
            case "NO", "FALSE" -> false;
            default -> throw new IllegalStateException("Revenue is neither YES nor NO: " + cell);
        };
    }
}
