package dev.learnflow.local.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package shape every service follows, checked on its compiled main classes: adapters in {@code client/} never
 * reach into {@code service/} (they depend on {@code domain/}), and {@code domain/} records import nothing else of
 * the service. A service's test calls {@link #check} with its base package ({@link #checkStrictly} also holds it to
 * the standard packages); a violation fails the build.
 */
public final class PackageShape {

    private PackageShape() {
    }

    /** The packages every service may have; anything else must be named where the check is called. */
    public static final List<String> STANDARD_PACKAGES = List.of("rest", "events", "service", "domain", "client",
            "config");

    public static void check(String basePackage) {
        JavaClasses classes = compiledClasses(basePackage);
        clientNeverImportsService(basePackage).check(classes);
        domainImportsNothingOfTheService(basePackage).check(classes);
    }

    /**
     * {@link #check}, and the service has no top-level packages but {@link #STANDARD_PACKAGES} and
     * {@code extraPackages} (each a documented exception, e.g. progress's {@code actor}).
     */
    public static void checkStrictly(String basePackage, String... extraPackages) {
        check(basePackage);
        Set<String> allowed = new TreeSet<>(STANDARD_PACKAGES);
        allowed.addAll(List.of(extraPackages));
        Set<String> unexpected = new TreeSet<>(topLevelPackages(basePackage, compiledClasses(basePackage)));
        unexpected.removeAll(allowed);
        if (!unexpected.isEmpty()) {
            throw new AssertionError(basePackage + " has packages outside the shape " + allowed + ": " + unexpected
                    + " (move the classes into rest/events/service/domain/client/config, or name the exception)");
        }
    }

    static Set<String> topLevelPackages(String basePackage, JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        String prefix = basePackage + ".";
        classes.forEach(c -> {
            if (c.getPackageName().startsWith(prefix)) {
                packages.add(c.getPackageName().substring(prefix.length()).split("\\.")[0]);
            }
        });
        return packages;
    }

    private static JavaClasses compiledClasses(String basePackage) {
        // Only the module's own compiled classes (Maven runs tests from the module directory): scanning the whole
        // classpath for the package takes minutes on a busy machine.
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Paths.get("target", "classes"));
        if (classes.isEmpty()) {
            throw new AssertionError("no compiled classes under " + basePackage);
        }
        return classes;
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
