package dev.learnflow.notification;

import dev.learnflow.local.testing.PackageShapeContract;

/** rest/ events/ service/ domain/ client/ config/ only; client/ never imports service/ (see the root README). */
class PackageShapeTest extends PackageShapeContract {
}
