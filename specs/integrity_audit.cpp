#include "specs/integrity_audit.h"

#include "specs/dafny/audit.h"
#include "specs/fstar/fstar_hole_audit.h"
#include "specs/fstar/fstar_spec.h"
#include "specs/lean/lean_audit.h"

namespace verigen {

std::vector<Diagnostic> audit_candidate(Language language, const std::string& original,
                                        const std::string& candidate, TaskKind kind,
                                        const std::string& display_path,
                                        const std::vector<std::string>& allowed) {
  switch (language) {
    case Language::Dafny:
      return dafny::audit_dafny(original, candidate, dafny::audit_mode_for(kind), display_path,
                                allowed);
    case Language::Lean:
      return lean::audit_lean(original, candidate, display_path);
    case Language::FStar:
      return fstar::audit_fstar(original, candidate, display_path);
    default: {
      Diagnostic d;
      d.where.file = display_path;
      d.rule = "integrity.no-audit";
      d.message = "no integrity audit for " + std::string(to_string(language)) + " candidates";
      return {d};
    }
  }
}

std::vector<Diagnostic> audit_task_candidate(const Task& task, const std::string& candidate,
                                             const std::vector<std::string>& allowed) {
  switch (task.language) {
    case Language::Lean:
      return lean::audit_lean_task(task, candidate);
    case Language::FStar:
      return fstar::audit_fstar_task(task, candidate);
    default:
      return audit_candidate(task.language, task.spec_text, candidate, task.kind, task.spec_path,
                             allowed);
  }
}

}  // namespace verigen
