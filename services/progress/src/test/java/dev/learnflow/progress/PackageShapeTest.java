package dev.learnflow.progress;

import dev.learnflow.local.testing.PackageShapeContract;

import java.util.List;

/** The standard packages plus actor/ (the StudentActor this service hosts); client/ never imports service/. */
class PackageShapeTest extends PackageShapeContract {

    @Override
    protected List<String> extraPackages() {
        return List.of("actor");
    }
}
