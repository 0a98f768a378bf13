#include "music/theory/symbol_reader.h"

#include <algorithm>

namespace lofi::theory {

bool SymbolReader::accept(std::string_view literal) {
  if (!peek(literal)) return false;
  position_ += literal.size();
  return true;
}

std::optional<std::string_view> SymbolReader::acceptAny(std::initializer_list<std::string_view> literals) {
  for (std::string_view literal : literals)
    if (accept(literal)) return literal;
  return std::nullopt;
}

std::optional<int> SymbolReader::readNumber() {
  int value = 0;
  int digits = 0;
  while (!atEnd() && digits < 2 && symbol_[position_] >= '0' && symbol_[position_] <= '9') {
    value = value * 10 + (symbol_[position_] - '0');
    ++position_;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  return value;
}

void SymbolReader::skipSpaces() {
  while (!atEnd() && (symbol_[position_] == ' ' || symbol_[position_] == '\t')) ++position_;
}

std::string SymbolReader::nextCharacter() const { return firstCharacter(rest()); }

void SymbolReader::fail(const std::string& reason) const { throw SymbolError(std::string(symbol_), reason); }

std::string firstCharacter(std::string_view text) {
  if (text.empty()) return "";
  const auto lead = static_cast<unsigned char>(text[0]);
  std::size_t length = 1;
  if (lead >= 0xF0) length = 4;
  else if (lead >= 0xE0) length = 3;
  else if (lead >= 0xC0) length = 2;
  return std::string(text.substr(0, std::min(length, text.size())));
}

std::string quoted(std::string_view text) {
  std::string result = "'";
  result.append(text).append("'");
  return result;
}

std::string_view trimmed(std::string_view text) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0'; };
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace lofi::theory
