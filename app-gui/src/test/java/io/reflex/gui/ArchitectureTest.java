package io.reflex.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The MVVM and I/O rules of docs/console.md, checked instead of hoped for. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.reflex.gui");

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(CLASSES);
    }

    @Test
    void viewModelsDoNotStartThreadsThemselves() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").and().doNotHaveSimpleName("InstancesViewModel")
                .should().dependOnClassesThat().haveFullyQualifiedName(Thread.class.getName())
                .because("engine calls go through the TaskExecutor, so tests can run them on the calling thread")
                .check(CLASSES);
    }

    @Test
    void nothingPrintsToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
