// The one error every theory parser throws: a symbol (chord symbol, note
// name, scale, roman numeral) that cannot be read, and why.
#pragma once

#include <stdexcept>
#include <string>

namespace lofi::theory {

// what() reads "'Hm7': 'H' is not a note name".
class SymbolError : public std::invalid_argument {
 public:
  SymbolError(std::string symbol, std::string reason);
  const std::string& symbol() const { return symbol_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string symbol_;
  std::string reason_;
};

}  // namespace lofi::theory
