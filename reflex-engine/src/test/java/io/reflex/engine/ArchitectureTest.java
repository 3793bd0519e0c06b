package io.reflex.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's layering, checked rather than hoped for (see docs/architecture.md). */
class ArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importClasses() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.reflex.engine");
    }

    @Test
    void storageKnowsNothingAboutHttpPoliciesOrObjects() {
        noClasses().that().resideInAPackage("..engine.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.http..", "..engine.objects..",
                        "..engine.policy..", "..engine.auth..", "..engine.watch..")
                .check(engine);
    }

    @Test
    void httpPlumbingDoesNotReachIntoFeatures() {
        noClasses().that().resideInAPackage("..engine.http..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.objects..", "..engine.policy..",
                        "..engine.auth..", "..engine.store..", "..engine.watch..")
                .check(engine);
    }

    @Test
    void policiesDoNotDependOnObjectOperations() {
        noClasses().that().resideInAPackage("..engine.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.objects..", "..engine.http..")
                .check(engine);
    }

    @Test
    void authenticationDoesNotDependOnObjectOperations() {
        noClasses().that().resideInAPackage("..engine.auth..")
                .should().dependOnClassesThat().resideInAPackage("..engine.objects..")
                .check(engine);
    }

    @Test
    void theExpressionLanguageStandsAlone() {
        noClasses().that().resideInAPackage("..engine.policy.expr..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.http..", "..engine.objects..",
                        "..engine.store..", "..engine.auth..")
                .check(engine);
    }

    @Test
    void onlyTheCommandWritesToTheConsole() {
        noClasses().that().doNotHaveFullyQualifiedName(EngineMain.class.getName())
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(engine);
    }

    @Test
    void nothingInTheEngineUsesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(engine);
    }
}
