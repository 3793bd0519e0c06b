package io.reflex.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering rules of launcher-core, checked rather than hoped for. */
@Timeout(60)
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.reflex.launcher");

    @Test
    void onlyTheCommandLineWritesToTheConsole() {
        noClasses().that().resideOutsideOfPackage("io.reflex.launcher.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.reflex.launcher.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.reflex.launcher.cli..")
                .check(CLASSES);
    }

    @Test
    void noChildIsStartedThroughTheJdkBecauseTheSubreaperWouldStealItsStatus() {
        noClasses().should().dependOnClassesThat().areAssignableTo(ProcessBuilder.class).check(CLASSES);
    }

    @Test
    void theLauncherNeverDependsOnTheEngine() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.reflex.engine..").check(CLASSES);
    }
}
