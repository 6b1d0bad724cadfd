#pragma once
/// Removing a Dafny program's proof annotations to make a DafnyComp task from its ground truth.

#include <string>

#include "core/result.h"

namespace verigen::bench {

/// `text` without its declarations' requires/ensures/decreases clauses, its loops'
/// invariant/decreases clauses and its assert statements. Every other byte is kept as it is:
/// executable code, reads/modifies frames, `decreases *` (permission to diverge) and `assume`
/// statements (which the ground truth owns; the audit holds a candidate only to the assumptions of
/// its input). A line left holding nothing but blanks is removed with its clause. Fails, naming
/// `path`, when the program does not parse.
Result<std::string> strip_dafny_annotations(const std::string& path, const std::string& text);

}  // namespace verigen::bench
