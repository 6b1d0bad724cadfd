#include "gen/builtin/initial_type.h"

#include <algorithm>
#include <cctype>

#include "core/text_lines.h"

namespace verigen {
namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

const ScopedVariable* find(const std::vector<ScopedVariable>& known, const std::string& name) {
  for (const auto& v : known)
    if (v.name == name) return &v;
  return nullptr;
}

/// An expression made only of integer literals, integer variables, lengths, parentheses and
/// + - * / %: its type is int. Anything else (a call, an index, a field) is not claimed.
bool integer_expression(const std::string& e, const std::vector<ScopedVariable>& known) {
  bool any = false;
  for (std::size_t i = 0; i < e.size();) {
    char c = e[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '+' ||
        c == '-' || c == '*' || c == '/' || c == '%') {
      ++i;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      while (i < e.size() && std::isdigit(static_cast<unsigned char>(e[i]))) ++i;
      if (i < e.size() && (e[i] == '.' || ident_char(e[i]))) return false;  // 1.5, 0x1F
      any = true;
      continue;
    }
    if (c == '|') {  // |s|: a length
      auto close = e.find('|', i + 1);
      if (close == std::string::npos) return false;
      i = close + 1;
      any = true;
      continue;
    }
    if (ident_char(c)) {
      std::size_t start = i;
      while (i < e.size() && ident_char(e[i])) ++i;
      std::string name = e.substr(start, i - start);
      if (e.compare(i, 7, ".Length") == 0) {  // a.Length, a.Length0
        i += 7;
        while (i < e.size() && std::isdigit(static_cast<unsigned char>(e[i]))) ++i;
        any = true;
        continue;
      }
      const ScopedVariable* v = find(known, name);
      if (!v || !is_integer_type(v->type)) return false;
      any = true;
      continue;
    }
    return false;
  }
  return any;
}

}  // namespace

bool is_integer_type(const std::string& type) { return type == "int" || type == "nat"; }

std::string infer_initial_type(const std::string& initial,
                               const std::vector<ScopedVariable>& known) {
  const std::string e = trim_space(initial);
  if (e.empty()) return {};
  if (e == "true" || e == "false") return "bool";
  if (e.size() >= 3 && e.front() == '\'' && e.back() == '\'') return "char";
  if (e.size() >= 2 && e.front() == '"' && e.back() == '"') return "string";
  if (e.rfind("new ", 0) == 0) {
    auto open = e.find('[');
    if (open == std::string::npos) return {};
    return "array<" + trim_space(e.substr(4, open - 4)) + ">";
  }
  bool real_literal =
      std::isdigit(static_cast<unsigned char>(e[0])) && e.find('.') != std::string::npos &&
      std::all_of(e.begin(), e.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
  if (real_literal) return "real";
  if (const ScopedVariable* v = find(known, e)) return v->type;
  if (integer_expression(e, known)) return "int";
  return {};
}

}  // namespace verigen
