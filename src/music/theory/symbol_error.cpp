#include "music/theory/symbol_error.h"

#include <utility>

namespace lofi::theory {
namespace {

std::string message(const std::string& symbol, const std::string& reason) {
  std::string text = "'";
  text.append(symbol).append("': ").append(reason);
  return text;
}

}  // namespace

SymbolError::SymbolError(std::string symbol, std::string reason)
    : std::invalid_argument(message(symbol, reason)), symbol_(std::move(symbol)), reason_(std::move(reason)) {}

}  // namespace lofi::theory
