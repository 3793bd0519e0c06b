package io.reflex.engine.api;

import io.reflex.engine.testing.TestDatabase;

/** The API contracts on MariaDB (127.0.0.1:3306). */
class MariadbApiTest extends ApiContractTest
        implements AuthContract, WireExamplesContract, ObjectsContract, SecretsContract, PoliciesContract, WatchContract, AuditContract,
        StaleInstancesContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
