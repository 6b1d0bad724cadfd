"""Small SMT-LIB helpers for the invariant benchmark: read a SyGuS-INV problem's shape, write the
CHC (Horn clause) encoding for Z3's Spacer, and the three verification conditions of a claimed
invariant as plain SMT-LIB queries, so a claim is re-checked by the z3 binary, outside verigen.
"""
import re

TOKEN = re.compile(r"\s*(?:(;[^\n]*)|(\()|(\))|(\|[^|]*\|)|([^\s()|;]+))")


def parse_sexprs(text):
    """Every top-level s-expression of `text` as nested lists of strings."""
    stack, top = [], []
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == "":
                break
            raise ValueError(f"cannot read at offset {pos}")
        pos = m.end()
        comment, open_, close, quoted, atom = m.groups()
        if comment:
            continue
        if open_:
            stack.append([])
        elif close:
            if not stack:
                raise ValueError("unbalanced ')'")
            done = stack.pop()
            (stack[-1] if stack else top).append(done)
        else:
            (stack[-1] if stack else top).append(quoted or atom)
    if stack:
        raise ValueError("unbalanced '('")
    return top


def show(expr):
    if isinstance(expr, list):
        return "(" + " ".join(show(e) for e in expr) + ")"
    return expr


class Problem:
    """The parts of a SyGuS-INV problem the encodings need."""

    def __init__(self, text):
        self.defs, self.logic = [], "ALL"
        for form in parse_sexprs(text):
            head = form[0] if form else None
            if head == "set-logic":
                self.logic = form[1]
            elif head == "synth-inv":
                self.inv, self.params = form[1], form[2]
            elif head == "define-fun":
                self.defs.append(form)
            elif head == "inv-constraint":
                self.pre, self.trans, self.post = form[2], form[3], form[4]
            elif head in ("declare-primed-var", "declare-var"):
                raise ValueError("SyGuS v1 variable declarations are not supported")
        self.names = [p[0] for p in self.params]
        self.sorts = [show(p[1]) for p in self.params]

    def definitions(self):
        return "\n".join(show(d) for d in self.defs)

    def binders(self, names):
        return " ".join(f"({n} {s})" for n, s in zip(names, self.sorts))

    def primed(self):
        return [n + "!" for n in self.names]

    def chc(self):
        """The problem as Horn clauses for `z3 FILE` (sat: an invariant exists)."""
        x, xp = self.names, self.primed()
        sig = " ".join(self.sorts)
        call = lambda f, args: f"({f} {' '.join(args)})"
        return "\n".join([
            "(set-logic HORN)",
            self.definitions(),
            f"(declare-fun {self.inv} ({sig}) Bool)",
            f"(assert (forall ({self.binders(x)}) (=> {call(self.pre, x)} {call(self.inv, x)})))",
            f"(assert (forall ({self.binders(x)} {self.binders(xp)}) (=> (and {call(self.inv, x)} "
            f"{call(self.trans, x + xp)}) {call(self.inv, xp)})))",
            f"(assert (forall ({self.binders(x)}) (=> {call(self.inv, x)} {call(self.post, x)})))",
            "(check-sat)",
        ]) + "\n"

    def vc_queries(self, inv_definition):
        """The three conditions of `inv_definition` (a define-fun text) as SMT-LIB queries, each
        `unsat` when the condition holds."""
        x, xp = self.names, self.primed()
        decls = "\n".join(f"(declare-const {n} {s})" for n, s in zip(x + xp, self.sorts * 2))
        call = lambda f, args: f"({f} {' '.join(args)})"
        head = f"{self.definitions()}\n{inv_definition}\n{decls}\n"
        return {
            "initiation": head + f"(assert (and {call(self.pre, x)} (not {call(self.inv, x)})))\n(check-sat)\n",
            "consecution": head + f"(assert (and {call(self.inv, x)} {call(self.trans, x + xp)} "
                                  f"(not {call(self.inv, xp)})))\n(check-sat)\n",
            "postcondition": head + f"(assert (and {call(self.inv, x)} (not {call(self.post, x)})))\n(check-sat)\n",
        }
