#include "specs/dafny/frame_obligations.h"

namespace verigen::dafny {

FrameObligationText frame_obligation_text(const FrameObligationSpec& spec) {
  const std::string keyword = spec.function ? "reads" : "modifies";
  const std::string stub = spec.name + "_frame";
  auto header = [&](const std::string& name) {
    return spec.prefix + (spec.function ? "function " : "method ") + name + spec.type_params + "(" +
           spec.parameters + ")" + (spec.function ? ": bool" : "") + "\n";
  };
  auto clauses = [&](const std::vector<std::string>& frame) {
    std::string out;
    for (const auto& r : spec.requires_) out += "  requires " + r + "\n";
    std::string items;
    for (const auto& item : frame) items += (items.empty() ? "" : ", ") + item;
    if (!items.empty()) out += "  " + keyword + " " + items + "\n";
    return out;
  };
  std::string call = stub + "(";
  for (std::size_t i = 0; i < spec.arguments.size(); ++i)
    call += (i ? ", " : "") + spec.arguments[i];
  call += ")";

  FrameObligationText out;
  std::string text = header(spec.name) + clauses(spec.outer) + "{\n";
  // A method calls the stub as a statement, a function returns its value: either way Dafny
  // checks the stub's frame against the caller's at this line.
  text += "  " + call + (spec.function ? "" : ";") + "\n";
  auto lines = [](const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
  };
  out.goal_line = lines(text);
  text += "}\n" + header(stub) + clauses(spec.inner);
  out.last_line = lines(text);
  out.text = "\n" + text;
  return out;
}

}  // namespace verigen::dafny
