# Sourced, not run. Checks the Directory.Build.props default (UseFuncFeed: compile the OCR app against
# eng/funcfeed) against the package source: if the Service Bus worker extension is served now, say so loudly and
# build without the feed. Sets FUNCFEED_ARGS for dotnet build/test.
FUNCFEED_ARGS=()

funcfeed_probe_served() {
  # Outside the repository, so that none of its Directory.*.props apply.
  local probe
  probe="$(mktemp -d)"
  cat >"$probe/probe.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.Azure.Functions.Worker.Extensions.ServiceBus" Version="5.24.0" /></ItemGroup>
</Project>
PROJ
  NUGET_PACKAGES="$probe/packages" dotnet restore "$probe/probe.csproj" -nologo >"$probe/restore.log" 2>&1
  local status=$?
  if [ $status -ne 0 ] && ! grep -q "NU110[12]" "$probe/restore.log"; then
    cat "$probe/restore.log" >&2
    rm -rf "$probe"
    echo "funcfeed: the probe restore failed for another reason" >&2
    exit 1
  fi
  rm -rf "$probe"
  return $status
}

if funcfeed_probe_served; then
  echo "funcfeed: the package source now serves Microsoft.Azure.Functions.Worker.Extensions.ServiceBus; building without eng/funcfeed (drop it and UseFuncFeed from Directory.Build.props)" >&2
  FUNCFEED_ARGS=("-p:UseFuncFeed=false")
else
  echo "funcfeed: the Service Bus worker extension is not served; the OCR app compiles against eng/funcfeed (compile-only, never deploy)" >&2
fi
