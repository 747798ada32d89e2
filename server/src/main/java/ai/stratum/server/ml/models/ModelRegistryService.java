package ai.stratum.server.ml.models;

import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.Page;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;

/**
 * The registry as a tenant sees it: its versions of each model, which one is active, and the default
 * beside them. Any role may read it; DATA_ANALYST and above may switch the active version.
 */
@Singleton
public class ModelRegistryService {

    private final Database database;
    private final ModelRegistryRepository registry;
    private final ModelCatalog catalog;
    private final AuditLog audit;

    public ModelRegistryService(Database database, ModelRegistryRepository registry, ModelCatalog catalog, AuditLog audit) {
        this.database = database;
        this.registry = registry;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** @return one page of the tenant's versions, newest first, with the active model and the default */
    public Mono<ModelListing> list(Caller caller, ModelType type, VersionPage request) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> registry.page(connection, tenant, type, request.before(), request.first() + 1)
                .collectList()
                .zipWith(registry.count(connection, tenant, type))
                .zipWith(registry.active(connection, tenant, type).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(all -> {
                    Page<ModelInfo> page = Page.of(all.getT1().getT1(), request.first(), request.before().isPresent(),
                            model -> VersionPage.cursor(model.version()), all.getT1().getT2());
                    Optional<ModelInfo> active = all.getT2();
                    Optional<ModelInfo> defaultModel = catalog.defaultInfo(type).map(info -> info.withActive(active.isEmpty()));
                    return new ModelListing(page, active.or(() -> defaultModel), defaultModel);
                }));
    }

    /** @return one of the tenant's versions */
    public Mono<ModelInfo> find(Caller caller, ModelType type, int version) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> registry.find(connection, tenant, type, version));
    }

    /**
     * Makes a version the tenant's active one: its predictions use it from now on.
     *
     * @throws ApiException FORBIDDEN below DATA_ANALYST; NOT_FOUND for a version the tenant does not have
     */
    public Mono<ModelInfo> activate(Caller caller, String requestId, ModelType type, int version) {
        caller.require(Role.DATA_ANALYST);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> registry.activate(connection, tenant, type, version)
                        .flatMap(model -> audit.record(connection, caller, requestId, new AuditEvent("ml.model_activated",
                                "model", type.name() + ":" + version, Map.of("modelType", type.name(),
                                "version", String.valueOf(version)))).thenReturn(model)))
                .switchIfEmpty(Mono.error(ApiException.notFound("This tenant has no " + type + " model version " + version)))
                .flatMap(model -> catalog.activated(tenant, type).thenReturn(model));
    }

    /**
     * @param versions      one page of the tenant's versions
     * @param active        the model answering predictions now: the active version, else the default
     * @param defaultModel  the default model, if this build has one
     */
    public record ModelListing(Page<ModelInfo> versions, Optional<ModelInfo> active, Optional<ModelInfo> defaultModel) {
    }
}
