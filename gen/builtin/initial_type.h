#pragma once
/// The Dafny type of a local declared without one (`var c := '}';`), read off its initialiser,
/// so that the invariant templates never compare values of different types: a single
/// ill-typed invariant makes Dafny refuse the whole file at resolution.

#include <string>
#include <vector>

#include "gen/builtin/loop_site.h"

namespace verigen {

/// The type of `initial` as far as its spelling shows it: "int" for integer literals, lengths
/// (`|s|`, `a.Length`) and arithmetic over integers; "char", "string", "bool", "real" for
/// literals; "array<T>" for `new T[n]`; the type of a variable in `known` for a bare variable
/// name (or an integer expression over such variables); "" when it cannot be told from the
/// text (a call, a field, a sequence display): such a variable takes part in no template.
std::string infer_initial_type(const std::string& initial,
                               const std::vector<ScopedVariable>& known);

/// True for the types the integer templates may compare: int, nat, and integer subset types
/// spelled as such.
bool is_integer_type(const std::string& type);

}  // namespace verigen
