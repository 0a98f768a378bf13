// A small schema checker for the API's requests: each field's type, whether
// it is required, its range (numbers) or length (strings, in characters), and
// unknown fields refused. Every failure is an ApiError 400 that names the
// field and says what it must be. The same schema reads a query string
// (GET /api/generate.mid?bars=8&seed=3), converting each value to its type.
#pragma once

#include <cstddef>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lofi::server {

enum class FieldType { Integer, Number, String, Boolean };

struct FieldRule {
  std::string name;
  FieldType type = FieldType::String;
  bool required = false;
  double min = -std::numeric_limits<double>::infinity();  // numbers: smallest value
  double max = std::numeric_limits<double>::infinity();   // numbers: largest value
  std::size_t minLength = 0;                              // strings: characters
  std::size_t maxLength = 1000;
};

struct Schema {
  std::string what;  // "generate request", for messages
  std::vector<FieldRule> fields;
};

// Checks `body` (a JSON object) against the schema and returns it.
const nlohmann::json& validate(const nlohmann::json& body, const Schema& schema);

// Query parameters as a JSON object of the schema's types, then validated.
// A parameter given twice is an error (which one would count?).
nlohmann::json fromQuery(const std::multimap<std::string, std::string>& parameters, const Schema& schema);

// Length of UTF-8 text in code points (what people count as characters).
std::size_t characterCount(const std::string& text);

}  // namespace lofi::server
