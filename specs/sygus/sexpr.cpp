#include "specs/sygus/sexpr.h"

#include <cctype>
#include <cstring>

namespace verigen::sygus {

std::string_view SExpr::head() const {
  if (kind != Kind::List || items.empty() || !items.front().is_symbol()) return {};
  return items.front().atom;
}

SExpr SExpr::symbol(std::string name, Place place) {
  SExpr e;
  e.kind = Kind::Symbol;
  e.atom = std::move(name);
  e.place = place;
  return e;
}

SExpr SExpr::numeral(std::string digits, Place place) {
  SExpr e;
  e.kind = Kind::Numeral;
  e.atom = std::move(digits);
  e.place = place;
  return e;
}

SExpr SExpr::list(std::vector<SExpr> items, Place place) {
  SExpr e;
  e.kind = Kind::List;
  e.items = std::move(items);
  e.place = place;
  return e;
}

namespace {

// SMT-LIB's "simple symbol" characters besides letters and digits.
bool is_symbol_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("~!@$%^&*_-+=<>.?/:", c);
}

class Reader {
 public:
  Reader(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  Result<std::vector<SExpr>> read_all() {
    std::vector<SExpr> out;
    // An explicit stack of open lists: deep nesting in generated problems must not overflow
    // the C++ stack.
    std::vector<SExpr> open;
    for (;;) {
      skip_blank();
      if (pos_ >= text_.size()) break;
      Place here = place_;
      char c = text_[pos_];
      if (c == '(') {
        if (open.size() >= kMaxNesting) {
          return error(here, "nesting deeper than " + std::to_string(kMaxNesting));
        }
        advance();
        open.push_back(SExpr::list({}, here));
        continue;
      }
      if (c == ')') {
        if (open.empty()) return error(here, "unbalanced ')' with no matching '('");
        advance();
        SExpr done = std::move(open.back());
        open.pop_back();
        push(out, open, std::move(done));
        continue;
      }
      auto atom = read_atom(here);
      if (!atom.ok()) return Failure{atom.error()};
      push(out, open, std::move(*atom));
    }
    if (!open.empty()) return error(open.back().place, "unbalanced '(': this list is never closed");
    return out;
  }

 private:
  static void push(std::vector<SExpr>& out, std::vector<SExpr>& open, SExpr e) {
    if (open.empty()) {
      out.push_back(std::move(e));
    } else {
      open.back().items.push_back(std::move(e));
    }
  }

  Failure error(Place at, const std::string& message) const {
    return fail(path_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                ": error: " + message);
  }

  void advance() {
    unsigned char c = static_cast<unsigned char>(text_[pos_++]);
    if (c == '\n') {
      ++place_.line;
      place_.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      // Columns count characters, not UTF-8 continuation bytes.
      ++place_.column;
    }
  }

  void skip_blank() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ';') {
        while (pos_ < text_.size() && text_[pos_] != '\n') advance();
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        advance();
      } else {
        break;
      }
    }
  }

  Result<SExpr> read_atom(Place here) {
    char c = text_[pos_];
    if (c == '|') {
      advance();
      std::string name;
      while (pos_ < text_.size() && text_[pos_] != '|') {
        name += text_[pos_];
        advance();
      }
      if (pos_ >= text_.size()) return error(here, "unterminated quoted symbol");
      advance();
      return SExpr::symbol(std::move(name), here);
    }
    if (!is_symbol_char(c)) {
      std::string shown = std::isprint(static_cast<unsigned char>(c))
                              ? std::string("'") + c + "'"
                              : "byte 0x" + hex(static_cast<unsigned char>(c));
      return error(here, "unexpected character " + shown);
    }
    std::string token;
    while (pos_ < text_.size() && is_symbol_char(text_[pos_])) {
      token += text_[pos_];
      advance();
    }
    if (std::isdigit(static_cast<unsigned char>(token[0]))) {
      for (char d : token) {
        if (!std::isdigit(static_cast<unsigned char>(d))) {
          return error(here, "malformed numeral '" + token + "'");
        }
      }
      return SExpr::numeral(std::move(token), here);
    }
    return SExpr::symbol(std::move(token), here);
  }

  static std::string hex(unsigned char c) {
    const char* digits = "0123456789abcdef";
    return {digits[c >> 4], digits[c & 15]};
  }

  std::string_view text_;
  const std::string& path_;
  std::size_t pos_ = 0;
  Place place_;
};

bool needs_quotes(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return true;
  for (char c : name) {
    if (!is_symbol_char(c)) return true;
  }
  return false;
}

void print(const SExpr& e, std::string& out) {
  switch (e.kind) {
    case SExpr::Kind::Numeral:
      if (!e.atom.empty() && e.atom[0] == '-') {
        out += "(- " + e.atom.substr(1) + ")";
      } else {
        out += e.atom;
      }
      return;
    case SExpr::Kind::Symbol:
      out += needs_quotes(e.atom) ? "|" + e.atom + "|" : e.atom;
      return;
    case SExpr::Kind::List:
      out += '(';
      for (std::size_t i = 0; i < e.items.size(); ++i) {
        if (i) out += ' ';
        print(e.items[i], out);
      }
      out += ')';
      return;
  }
}

}  // namespace

Result<std::vector<SExpr>> parse_sexprs(std::string_view text, const std::string& path) {
  return Reader(text, path).read_all();
}

bool quantifies(const SExpr& expr) {
  if (expr.head() == "forall" || expr.head() == "exists") return true;
  for (const auto& item : expr.items)
    if (quantifies(item)) return true;
  return false;
}

std::string to_smtlib(const SExpr& expr) {
  std::string out;
  print(expr, out);
  return out;
}

}  // namespace verigen::sygus
