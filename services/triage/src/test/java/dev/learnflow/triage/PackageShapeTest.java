package dev.learnflow.triage;

import dev.learnflow.local.testing.PackageShape;
import org.junit.jupiter.api.Test;

/** client/ never imports service/, domain/ imports nothing else of the service (see the root README). */
class PackageShapeTest {

    @Test
    void followsThePackageShape() {
        PackageShape.check("dev.learnflow.triage");
    }
}
