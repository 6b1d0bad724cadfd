#pragma once
/// A spec's `example: CALL == VALUE` read as data, never as code: CALL is one call of a
/// function by its plain name with literal arguments, VALUE a literal (or several, for a method
/// with several results). Literals: integers (`-3`, `1_000`, `0x1F`), reals (`1.5`), `true` /
/// `false` (also `True` / `False`), strings (`"a\n"`, `'abc'`), characters (`'c'`), sequences
/// `[...]`, tuples `(a, b)`, sets `{...}`, maps `map[k := v]` or `{k: v}`, nested. Anything else
/// (a name, an attribute, an operator, a call in an argument, a lambda, a comprehension ...) is
/// refused with the offset of the offending text.
///
/// The literals are also written out as Python literals that `ast.literal_eval` reads, so the
/// example runner evaluates data and calls nothing but the named function. In that form a
/// Dafny character is a one-character `bytes` literal (UTF-8), to tell it from a string.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace verigen::dafny {

/// One example, parsed.
struct ExampleCall {
  std::string call_text;      ///< CALL as written, trimmed ("Max(3, 5)")
  std::string expected_text;  ///< VALUE as written, trimmed ("5")
  std::string function;       ///< the called function's name ("Max")
  std::string arguments;      ///< the arguments as one Python list literal ("[3, 5]")
  std::string expected;       ///< the expected value as a Python literal ("5", "(1, 2)")
};

/// The outcome of parsing one example: a call, or why the text is not one.
struct ExampleParse {
  std::optional<ExampleCall> call;
  std::string error;             ///< empty when `call` is set
  std::size_t error_offset = 0;  ///< byte offset into the parsed text
};

/// Parses `text`, the part of an example line after `example:` ("Max(3, 5) == 5"). Total on any
/// input: nesting deeper than 64 levels is an error, not a stack overflow.
ExampleParse parse_example(std::string_view text);

}  // namespace verigen::dafny
