package io.reflex.engine.api;

import io.reflex.engine.testing.TestDatabase;

/** The API contracts on the embedded SQLite file. */
class SqliteApiTest extends ApiContractTest
        implements AuthContract, WireExamplesContract, ObjectsContract, SecretsContract, PoliciesContract, WatchContract, AuditContract,
        StaleInstancesContract {

    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}
