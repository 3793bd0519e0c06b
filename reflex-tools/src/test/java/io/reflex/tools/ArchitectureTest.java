package io.reflex.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.reflex.tools.cli.CliContext;
import org.junit.jupiter.api.Test;

/** Keeps the CLI testable in-process: only the entry point exits, only CliContext touches the real process. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.reflex.tools");

  @Test
  void onlyTheEntryPointExitsTheJvm() {
    noClasses().that().doNotHaveFullyQualifiedName(ReflexMain.class.getName())
        .should().callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }

  @Test
  void onlyCliContextReadsTheRealStreamsAndEnvironment() {
    noClasses().that().doNotHaveFullyQualifiedName(CliContext.class.getName())
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().accessField(System.class, "in")
        .orShould().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "console")
        .check(CLASSES);
  }

  private static final String[] FEATURES = {"engine", "apikey", "setup", "config", "password", "policy", "app", "services"};

  @Test
  void featuresDoNotDependOnEachOther() {
    for (String feature : FEATURES) {
      noClasses().that().resideInAPackage("io.reflex.tools." + feature + "..")
          .should().dependOnClassesThat().resideInAnyPackage(otherFeatures(feature))
          .check(CLASSES);
    }
  }

  private static String[] otherFeatures(String feature) {
    return java.util.stream.Stream.of(FEATURES)
        .filter(other -> !other.equals(feature))
        .map(other -> "io.reflex.tools." + other + "..")
        .toArray(String[]::new);
  }
}
