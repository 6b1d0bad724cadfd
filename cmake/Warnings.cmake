# verigen_warnings: an interface target every project target links, so warnings stay uniform.
add_library(verigen_warnings INTERFACE)
target_compile_options(verigen_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wno-unused-parameter)
