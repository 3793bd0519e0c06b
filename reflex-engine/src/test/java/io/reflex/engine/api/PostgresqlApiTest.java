package io.reflex.engine.api;

import io.reflex.engine.testing.TestDatabase;

/** The API contracts on PostgreSQL (127.0.0.1:5432). */
class PostgresqlApiTest extends ApiContractTest
        implements AuthContract, WireExamplesContract, ObjectsContract, SecretsContract, PoliciesContract, WatchContract, AuditContract,
        StaleInstancesContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
