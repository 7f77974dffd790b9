package dev.learnflow.local.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.nio.file.Paths;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package shape every service follows, checked on its compiled main classes: adapters in {@code client/} never
 * reach into {@code service/} (they depend on {@code domain/}), and {@code domain/} records import nothing else of
 * the service. A service's test calls {@link #check} with its base package; a violation fails the build.
 */
public final class PackageShape {

    private PackageShape() {
    }

    public static void check(String basePackage) {
        // Only the module's own compiled classes (Maven runs tests from the module directory): scanning the whole
        // classpath for the package takes minutes on a busy machine.
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Paths.get("target", "classes"));
        if (classes.isEmpty()) {
            throw new AssertionError("no compiled classes under " + basePackage);
        }
        clientNeverImportsService(basePackage).check(classes);
        domainImportsNothingOfTheService(basePackage).check(classes);
    }

    static ArchRule clientNeverImportsService(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".client..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".service..")
                .because("client/ holds adapters; what they share with service/ lives in domain/")
                .allowEmptyShould(true);
    }

    static ArchRule domainImportsNothingOfTheService(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat(resideInAPackage(basePackage + "..")
                        .and(not(resideInAPackage(basePackage + ".domain.."))))
                .because("domain/ is imported by everyone and imports nobody of the service")
                .allowEmptyShould(true);
    }
}
