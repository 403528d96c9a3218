# Sourced, not run. While the package source lacks the Service Bus worker extension, projects that restore the OCR
# function app compile against ../shared/funcfeed (ARCHITECTURE.md §2): an extra restore source, the compile-only
# targets, and a private package cache so the shared cache never holds a self-built package under the published
# id. Sets FUNCFEED_ARGS (msbuild arguments) and exports NUGET_PACKAGES in that case; such builds are never deployed.
FUNCFEED_DIR="$(cd "$ROOT/.." && pwd)/shared/funcfeed"
FUNCFEED_ARGS=()
FUNCFEED_MODE=false

funcfeed_detect() {
  local probe="$LOCAL/funcfeed-probe"
  rm -rf "$probe"; mkdir -p "$probe"
  # A throwaway project that asks for the extension alone: NU1101 means the package source does not serve it.
  cat >"$probe/probe.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally><ImportDirectoryBuildProps>false</ImportDirectoryBuildProps><ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.Azure.Functions.Worker.Extensions.ServiceBus" Version="5.24.0" /></ItemGroup>
</Project>
PROJ
  if NUGET_PACKAGES="$probe/packages" dotnet restore "$probe/probe.csproj" -nologo >"$probe/restore.log" 2>&1; then
    return 1
  fi
  if ! grep -q "NU1101\|NU1102" "$probe/restore.log"; then
    cat "$probe/restore.log" >&2
    echo "funcfeed: the probe restore failed for another reason" >&2
    exit 1
  fi
  return 0
}

if funcfeed_detect; then
  if [ ! -f "$FUNCFEED_DIR/compile-only.targets" ]; then
    echo "funcfeed: the Service Bus worker extension is not served and $FUNCFEED_DIR is missing" >&2
    exit 1
  fi
  FUNCFEED_MODE=true
  FUNCFEED_ARGS=("-p:RestoreAdditionalProjectSources=$FUNCFEED_DIR" "-p:CustomAfterMicrosoftCommonTargets=$FUNCFEED_DIR/compile-only.targets")
  export NUGET_PACKAGES="$LOCAL/nuget-funcfeed"
  echo "funcfeed: Microsoft.Azure.Functions.Worker.Extensions.ServiceBus is not served; compiling the OCR app against $FUNCFEED_DIR (compile-only, never deploy)" >&2
fi
