// A cursor over a symbol being parsed (chord symbol, scale name, roman
// numeral): accepts literal prefixes, reads numbers, and reports errors that
// name the whole symbol. Internal to the theory parsers.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "music/theory/symbol_error.h"

namespace lofi::theory {

class SymbolReader {
 public:
  explicit SymbolReader(std::string_view symbol) : symbol_(symbol) {}

  bool atEnd() const { return position_ >= symbol_.size(); }
  std::string_view rest() const { return symbol_.substr(position_); }
  std::string_view consumed() const { return symbol_.substr(0, position_); }
  std::size_t position() const { return position_; }
  void advance(std::size_t count) { position_ += count; }

  bool peek(std::string_view literal) const { return rest().starts_with(literal); }
  // Consumes `literal` if the rest starts with it.
  bool accept(std::string_view literal);
  // Consumes the first of `literals` that the rest starts with; returns it.
  std::optional<std::string_view> acceptAny(std::initializer_list<std::string_view> literals);
  // Reads up to two decimal digits, if any.
  std::optional<int> readNumber();
  void skipSpaces();

  // The next character (a whole UTF-8 sequence), for error messages.
  std::string nextCharacter() const;
  [[noreturn]] void fail(const std::string& reason) const;

 private:
  std::string_view symbol_;
  std::size_t position_ = 0;
};

// The first character of `text` as a whole UTF-8 sequence ("" if empty).
std::string firstCharacter(std::string_view text);

// 'text' in single quotes, for messages. (Built by appending: GCC 12 warns
// falsely on "'" + std::string temporaries.)
std::string quoted(std::string_view text);

// `text` without leading and trailing white space.
std::string_view trimmed(std::string_view text);

}  // namespace lofi::theory
