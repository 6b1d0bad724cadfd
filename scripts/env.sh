# Sourced by the other scripts: where the tools live once scripts/setup has run.
# Dafny is a .NET global tool; a tool built for an older .NET runs on a newer SDK with
# roll-forward.
export PATH="$HOME/.dotnet/tools:$PATH"
export DOTNET_ROLL_FORWARD=Major
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
