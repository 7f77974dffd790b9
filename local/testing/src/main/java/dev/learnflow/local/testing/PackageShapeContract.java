package dev.learnflow.local.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * A service's {@code PackageShapeTest} extends this in the service's base package: {@link PackageShape#checkStrictly}
 * on that package, with the exceptions the service names in {@link #extraPackages}.
 */
public abstract class PackageShapeContract {

    /** Top-level packages beyond {@link PackageShape#STANDARD_PACKAGES}, each documented in the service's README. */
    protected List<String> extraPackages() {
        return List.of();
    }

    @Test
    void followsThePackageShape() {
        PackageShape.checkStrictly(getClass().getPackageName(), extraPackages().toArray(String[]::new));
    }
}
