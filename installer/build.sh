#!/usr/bin/env bash
# Builds the Oscilla desktop bundles with jpackage (JDK 17+): an app-image (a self-contained folder with its own
# Java runtime) and a Debian package. See installer/README.md. Run from anywhere; outputs go to target/installer/.
#
#   installer/build.sh              # app-image + .deb
#   installer/build.sh app-image    # app-image only
#   SKIP_BUILD=1 installer/build.sh # reuse target/oscilla.jar and target/lib from an earlier `mvn package`
set -euo pipefail

cd "$(dirname "$0")/.."
types=("${@:-app-image deb}")
read -r -a types <<< "${types[*]}"

# jpackage wants a plain numeric version (no -SNAPSHOT)
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
version=${version:-0.1.0}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -B package -DskipTests
fi

out=target/installer
rm -rf "$out"
mkdir -p "$out/input/lib" "$out/modules"

# Hybrid layout (STACK.md): the platform JavaFX jars go on the module path and are linked into the bundled runtime;
# the application and every other library stay on the class path (chartfx and EJML are automatic modules, so a
# fully modular image is not possible). The empty, platform-neutral javafx-*.jar placeholders are dropped.
cp target/oscilla.jar "$out/input/"
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar) cp "$jar" "$out/modules/" ;;
    javafx-*) ;;
    *) cp "$jar" "$out/input/lib/" ;;
  esac
done

modules=java.base,java.desktop,java.logging,java.sql,java.xml,javafx.controls,javafx.swing,jdk.management,jdk.unsupported

common=(
  --name Oscilla
  --app-version "$version"
  --vendor "Oscilla"
  --description "Spectral workbench for thermal-infrared spectra of minerals (Lorentz oscillator models)"
  --input "$out/input"
  --main-jar oscilla.jar
  --main-class dev.oscilla.Main
  --module-path "$out/modules"
  --add-modules "$modules"
  --java-options "-Xmx2g"
  --icon assets/oscilla-icon.png
  --dest "$out"
)

for type in "${types[@]}"; do
  case "$type" in
    app-image)
      jpackage --type app-image "${common[@]}"
      echo "app-image: $out/Oscilla (run $out/Oscilla/bin/Oscilla; with arguments it is the command line)"
      ;;
    deb)
      # jpackage does not see JavaFX's native needs: GTK 3, OpenGL, XTest, XF86VidMode, fonts.
      jpackage --type deb "${common[@]}" \
        --linux-package-name oscilla \
        --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1, fonts-dejavu-core" \
        --linux-menu-group "Science" \
        --linux-app-category science \
        --linux-shortcut
      echo "deb: $(ls "$out"/*.deb)"
      ;;
    *)
      echo "unknown bundle type '$type' (expected app-image or deb)" >&2
      exit 2
      ;;
  esac
done
