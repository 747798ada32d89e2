package ai.stratum.server.ml.inference;

import ai.stratum.server.ml.MlComputation;
import ai.stratum.server.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the in-process models predict: one row where it is asked for, a batch on the ML executor. */
class LocalPredictionProviderTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());

    private final ExecutorService mlThreads = Executors.newFixedThreadPool(1, work -> new Thread(work, "ml-test"));
    private final List<String> predictedOn = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        mlThreads.shutdownNow();
    }

    @Test
    void aSingleRowIsPredictedOnTheCallingThread() {
        List<Prediction> predictions = provider(rows -> rows.stream().map(row -> Prediction.of(row[0] * 2)).toList())
                .predict(TENANT, ModelType.CONVERSION, List.of(new double[] {0.2})).block(Duration.ofSeconds(5));

        assertThat(predictions).extracting(Prediction::value).containsExactly(0.4);
        assertThat(predictedOn).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aBatchIsPredictedOnTheMlExecutor() {
        List<double[]> rows = List.of(new double[] {1}, new double[] {2}, new double[] {3});

        List<Prediction> predictions = provider(batch -> batch.stream().map(row -> Prediction.of(row[0] * 2)).toList())
                .predict(TENANT, ModelType.ROAS, rows).block(Duration.ofSeconds(5));

        assertThat(predictions).extracting(Prediction::value).containsExactly(2.0, 4.0, 6.0);
        assertThat(predictedOn).containsExactly("ml-test");
    }

    @Test
    void aModelAnsweringTooFewPredictionsFailsTheRequest() {
        LocalPredictionProvider provider = provider(rows -> List.of());

        assertThatThrownBy(() -> provider.predict(TENANT, ModelType.ROAS, List.of(new double[] {1})).block(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the ROAS model answered 0 predictions for 1 rows");
    }

    @Test
    void noRowsNeedNoModel() {
        assertThat(new LocalPredictionProvider(List.of(), new MlComputation(mlThreads))
                .predict(TENANT, ModelType.ROAS, List.of()).block(Duration.ofSeconds(5))).isEmpty();
    }

    private LocalPredictionProvider provider(Function<List<double[]>, List<Prediction>> model) {
        InProcessModel.Predictor predictor = new InProcessModel.Predictor() {
            @Override
            public String version() {
                return "v1";
            }

            @Override
            public List<Prediction> predict(List<double[]> rows) {
                predictedOn.add(Thread.currentThread().getName());
                return model.apply(rows);
            }
        };
        List<InProcessModel> installed = new ArrayList<>();
        for (ModelType type : List.of(ModelType.ROAS, ModelType.CONVERSION)) {
            installed.add(new InProcessModel() {
                @Override
                public ModelType type() {
                    return type;
                }

                @Override
                public Mono<Predictor> answering(TenantId tenant) {
                    return Mono.just(predictor);
                }
            });
        }
        return new LocalPredictionProvider(installed, new MlComputation(mlThreads));
    }
}
