#pragma once
/// `--allow-assumption KIND[:Declaration]`: the one way a user trusts an assumption.

#include <CLI/CLI.hpp>

namespace verigen::cli {

/// Accepts KIND or KIND:Declaration where KIND is one of assumption_kinds(); the error names
/// the kinds there are.
CLI::Validator assumption_allowance_validator();

}  // namespace verigen::cli
