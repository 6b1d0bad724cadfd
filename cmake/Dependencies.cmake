# Every dependency is a Debian package; scripts/setup installs them.
find_package(PkgConfig REQUIRED)
pkg_check_modules(Z3 REQUIRED IMPORTED_TARGET z3)   # Debian's z3 ships z3.pc, no CMake config
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(CLI11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CURL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(OpenSSL REQUIRED)                        # SHA-256 for cache keys and certificates
find_package(Threads REQUIRED)
find_package(tomlplusplus 3 REQUIRED)                # verigen.toml
